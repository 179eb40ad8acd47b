package io.marquee.standalone;

import io.marquee.command.transfer.HistoryExport;
import io.marquee.command.transfer.HistoryImport;
import io.marquee.command.transfer.ImportRefusedException;
import io.marquee.command.transfer.ImportReport;
import io.marquee.events.ids.OrganizationId;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * {@code export --organization <id> [--gzip] --out <file>} and {@code import --in <file>}: an
 * organization's history out of this installation's event store, and into another's. Both start the
 * platform on its data (settings as for a normal start, e.g. {@code --marquee.data-dir=...}) on a
 * random port, do their work, and stop it again. Exit status 0 on success, 1 on failure, 2 on a usage
 * error.
 */
final class HistoryCommands {

    private HistoryCommands() {
    }

    static int export(String[] args) {
        Options options = Options.parse(args, "--organization", "--out");
        if (options == null || options.value("--organization") == null || options.value("--out") == null) {
            return usage("export --organization <id> [--gzip] --out <file> [--setting=value ...]");
        }
        OrganizationId organization;
        try {
            organization = OrganizationId.of(options.value("--organization"));
        } catch (IllegalArgumentException e) {
            return usage("--organization must be an organization id (a UUID)");
        }
        Path out = Path.of(options.value("--out"));
        try (ConfigurableApplicationContext platform = start(options.settings());
             OutputStream file = Files.newOutputStream(out);
             OutputStream target = options.flag("--gzip") ? new GZIPOutputStream(file, 64 * 1024) : file) {
            long events = platform.getBean(HistoryExport.class).writeTo(organization, target);
            System.out.println("Exported " + events + " events of organization " + organization + " to " + out);
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("Export failed: " + e.getMessage());
            return 1;
        }
    }

    static int importHistory(String[] args) {
        Options options = Options.parse(args, "--in");
        if (options == null || options.value("--in") == null) {
            return usage("import --in <file> [--setting=value ...]");
        }
        Path in = Path.of(options.value("--in"));
        if (!Files.isReadable(in)) {
            System.err.println("Cannot read " + in);
            return 1;
        }
        try (ConfigurableApplicationContext platform = start(options.settings());
             InputStream file = Files.newInputStream(in)) {
            ImportReport report = platform.getBean(HistoryImport.class).importFrom(file);
            System.out.println("Imported " + report.events() + " events of organization(s) " + report.organizations()
                    + (report.positionsPreserved() ? ", at their exported positions" : ", after the events already here")
                    + ". The platform publishes them and rebuilds its read models when it runs.");
            return 0;
        } catch (ImportRefusedException e) {
            System.err.println("Import refused: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            System.err.println("Import failed: " + e.getMessage());
            return 1;
        }
    }

    /** The platform, on a random port unless one is given, so that a command never takes the server's. */
    private static ConfigurableApplicationContext start(List<String> settings) {
        List<String> args = new ArrayList<>(settings);
        if (settings.stream().noneMatch(setting -> setting.startsWith("--server.port="))) {
            args.add("--server.port=0");
        }
        return StandaloneLauncher.launch(args.toArray(String[]::new));
    }

    private static int usage(String synopsis) {
        System.err.println("Usage: java -jar marquee-standalone.jar " + synopsis);
        return 2;
    }
}
