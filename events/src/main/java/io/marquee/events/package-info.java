/** The published language of Marquee: event records, their envelope and catalogue, the topics that carry them. */
package io.marquee.events;
