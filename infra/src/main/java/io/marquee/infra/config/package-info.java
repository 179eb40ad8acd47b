/** Typed Marquee settings and the per-module default properties. */
package io.marquee.infra.config;
