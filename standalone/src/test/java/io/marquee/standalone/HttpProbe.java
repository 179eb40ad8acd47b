package io.marquee.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * A plain HTTP client for black-box tests: any status is an answer, never an exception. A probe made
 * {@link #as(String) as} a user sends its access token with every request.
 */
final class HttpProbe {

    record Answer(int status, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + raw.body(), e);
            }
        }

        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        long position() {
            return Long.parseLong(header("Marquee-Position").orElseThrow());
        }
    }

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String base;
    private final String accessToken; // null: anonymous

    HttpProbe(int port) {
        this("http://localhost:" + port, null);
    }

    private HttpProbe(String base, String accessToken) {
        this.base = base;
        this.accessToken = accessToken;
    }

    /** The same server, as the user of this access token. */
    HttpProbe as(String token) {
        return new HttpProbe(base, token);
    }

    /** The same server, without a token. */
    HttpProbe anonymous() {
        return new HttpProbe(base, null);
    }

    Answer get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    Answer post(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer put(String path, String json) {
        return send(request(path, "Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer send(String method, String path, String body, String... headers) {
        return send(request(path, headers).method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (accessToken != null) {
            builder.header("Authorization", "Bearer " + accessToken);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
