/** The content read model: what each item of a playlist resolves to. */
package io.marquee.projections.content;
