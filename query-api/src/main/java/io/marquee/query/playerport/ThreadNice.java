package io.marquee.query.playerport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The calling thread's nice value, from Linux's {@code /proc/thread-self/stat}; empty elsewhere. The player
 * port logs its event loops' against the rest of the process, because the JVM options that set them apart
 * ({@code standalone/reads-first.args}) fail silently without the right to raise a thread's priority.
 */
public final class ThreadNice {

    private static final Path STAT = Path.of("/proc/thread-self/stat");
    /** nice is field 19; the fields after the command name in parentheses start with field 3 */
    private static final int NICE_AFTER_NAME = 19 - 3;

    private ThreadNice() {
    }

    public static OptionalInt ofCurrentThread() {
        try {
            return parse(Files.readString(STAT));
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    static OptionalInt parse(String stat) {
        // the name may hold spaces and parentheses itself: it ends at the last ')'
        int nameEnd = stat.lastIndexOf(')');
        String[] fields = nameEnd < 0 ? new String[0] : stat.substring(nameEnd + 1).trim().split(" ");
        if (fields.length <= NICE_AFTER_NAME) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(fields[NICE_AFTER_NAME]));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
