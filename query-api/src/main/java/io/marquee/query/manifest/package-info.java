/** Display manifests served from memory, fed by the compacted manifest topic. */
package io.marquee.query.manifest;
