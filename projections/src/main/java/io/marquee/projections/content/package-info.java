/** The content read model: what each content item is and where players fetch it ({@code projection_content}). */
package io.marquee.projections.content;
