/** One tailer that reads the compacted topics (manifests, display access, watermarks) into memory views. */
package io.marquee.query.tail;
