/**
 * Security primitives every role shares: roles, the RSA key material, JWT verification with the public
 * key, the authenticated caller, and 401/403 as problem+json. Roles add their own rules through
 * {@link io.marquee.infra.security.SecurityRules}.
 */
package io.marquee.infra.security;
