/** Displays: registration and which playlist each one shows. */
package io.marquee.command.display;
