/**
 * Device tokens: the secret a display authenticates with, shown once, and the command-side table
 * that keeps only its hash ({@code command_device_token}).
 */
package io.marquee.command.display.token;
