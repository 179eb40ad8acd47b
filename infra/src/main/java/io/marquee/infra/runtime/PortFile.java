package io.marquee.infra.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The ports an embedded server chose, kept in a small properties file next to its data. A server
 * restarted on the same data directory must come back on the same ports: clients remember the
 * address, and Kafka stores its controller address in the metadata log.
 */
final class PortFile {

    private final Path file;
    private final Properties values = new Properties();

    private PortFile(Path file) {
        this.file = file;
    }

    static PortFile load(Path file) {
        PortFile portFile = new PortFile(file);
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                portFile.values.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return portFile;
    }

    /**
     * The port to use for {@code key}: the requested one if positive, else the one stored before,
     * else a free loopback port. Call {@link #save()} once all ports are resolved.
     */
    int resolve(String key, int requested) {
        if (requested < 0 || requested > 65535) {
            throw new IllegalArgumentException(key + " must be 0 (any free port) or a valid port: " + requested);
        }
        int port = requested;
        if (port == 0) {
            String stored = values.getProperty(key);
            port = stored != null ? Integer.parseInt(stored.trim()) : freeLoopbackPort();
        }
        values.setProperty(key, Integer.toString(port));
        return port;
    }

    void save() {
        // Write then rename, so a crash never leaves a half-written file that would lose the ports.
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                values.store(out, "Ports chosen by the embedded server; delete to pick new ones");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
