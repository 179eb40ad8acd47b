/** Players' access state (token generation, decommissioned) for the read side's token checks. */
package io.marquee.projections.access;
