package io.marquee.standalone;

import java.util.Arrays;
import java.util.Map;

/**
 * What {@code java -jar marquee-standalone.jar [command] [options]} runs: without a command (or with
 * only {@code --setting=value} arguments) the platform, as always; otherwise the named command. Each
 * command is one entry in {@link #COMMANDS}, so adding one touches one line here.
 */
final class StandaloneCommands {

    /** A command: gets the arguments after its name and returns the process's exit status, or -1 to keep running. */
    @FunctionalInterface
    interface Command {
        int run(String[] args);
    }

    static final Map<String, Command> COMMANDS = Map.of(
            "export", HistoryCommands::export,
            "import", HistoryCommands::importHistory,
            RebuildCommand.NAME, RebuildCommand::run,
            "query-api", args -> RoleCommand.run("query-api", args),
            "projections", args -> RoleCommand.run("projections", args),
            "command-api", args -> RoleCommand.run("command-api", args));

    private StandaloneCommands() {
    }

    /** Runs the command {@code args} name, or the platform; a command's exit status, or -1 for the platform. */
    static int dispatch(String[] args) {
        Command command = args.length == 0 ? null : COMMANDS.get(args[0]);
        if (command == null) {
            if (args.length > 0 && !args[0].startsWith("-")) {
                System.err.println("Unknown command " + args[0] + "; commands: " + String.join(", ", COMMANDS.keySet())
                        + " (none starts the platform)");
                return 2;
            }
            StandaloneLauncher.launch(args);
            return -1;
        }
        // no network to phone home to, whichever command starts Axon
        System.setProperty("axoniq.update-checker.disabled", "true");
        return command.run(Arrays.copyOfRange(args, 1, args.length));
    }
}
