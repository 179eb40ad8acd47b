package io.marquee.standalone;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments: {@code --name value} options it declares, bare {@code --flag}s, and
 * {@code --setting=value} arguments passed on to the platform.
 */
final class Options {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> settings = new ArrayList<>();

    private Options() {
    }

    /** The parsed arguments, or null if one of {@code valued} has no value. */
    static Options parse(String[] args, String... valued) {
        Set<String> takesValue = Set.of(valued);
        Options options = new Options();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (takesValue.contains(arg)) {
                if (i + 1 >= args.length) {
                    return null;
                }
                options.values.put(arg, args[++i]);
            } else if (arg.contains("=")) {
                options.settings.add(arg);
            } else {
                options.flags.add(arg);
            }
        }
        return options;
    }

    String value(String name) {
        return values.get(name);
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    List<String> settings() {
        return settings;
    }
}
