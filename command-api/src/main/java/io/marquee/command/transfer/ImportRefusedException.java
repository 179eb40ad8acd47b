package io.marquee.command.transfer;

/** An import that would mix an exported history with one this installation already has: nothing was stored. */
public class ImportRefusedException extends RuntimeException {

    ImportRefusedException(String message) {
        super(message);
    }
}
