/** Players' authorization from memory: device tokens checked against each display's current access state. */
package io.marquee.query.access;
