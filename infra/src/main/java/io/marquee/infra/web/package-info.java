/** HTTP plumbing: every error as RFC 9457 problem+json, naming the field or rule. */
package io.marquee.infra.web;
