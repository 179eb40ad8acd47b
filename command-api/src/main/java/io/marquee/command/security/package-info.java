/**
 * Who may do what on the write side: login (throttled) and access tokens, the role required by each
 * command path, and the current role and membership checked on every write.
 */
package io.marquee.command.security;
