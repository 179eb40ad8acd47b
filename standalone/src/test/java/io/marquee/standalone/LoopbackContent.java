package io.marquee.standalone;

import com.sun.net.httpserver.HttpServer;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * Test images served on 127.0.0.1, so that content URIs in browser tests never leave the machine:
 * {@code /red.png}, {@code /blue.png} and {@code /green.png}, each a generated {@value #SIZE}-pixel square.
 */
final class LoopbackContent implements AutoCloseable {

    static final int SIZE = 64;

    private final HttpServer server;

    private LoopbackContent(HttpServer server) {
        this.server = server;
    }

    static LoopbackContent start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            Map.of("red", Color.RED, "blue", Color.BLUE, "green", Color.GREEN).forEach((name, colour) -> {
                byte[] png = png(colour);
                server.createContext("/" + name + ".png", exchange -> {
                    exchange.getResponseHeaders().add("Content-Type", "image/png");
                    exchange.sendResponseHeaders(200, png.length);
                    exchange.getResponseBody().write(png);
                    exchange.close();
                });
            });
            server.start();
            return new LoopbackContent(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The address of one of the images, e.g. {@code uri("red")}. */
    String uri(String colour) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + colour + ".png";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static byte[] png(Color colour) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < SIZE; x++) {
            for (int y = 0; y < SIZE; y++) {
                image.setRGB(x, y, colour.getRGB());
            }
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(image, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
