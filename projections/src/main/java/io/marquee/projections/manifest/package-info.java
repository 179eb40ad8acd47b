/** Display manifests: assembled from the read models, versioned on change, published to the compacted topic. */
package io.marquee.projections.manifest;
