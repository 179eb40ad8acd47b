/** What every command endpoint shares: who is calling, sending through Axon, the position header. */
package io.marquee.command.web;
