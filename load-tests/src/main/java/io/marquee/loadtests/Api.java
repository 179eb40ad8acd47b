package io.marquee.loadtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small JSON-over-HTTP client for the drivers: one shared HTTP/1.1 client (kept-alive connections,
 * safe from many threads), an optional bearer token, and answers that fail loudly on an unexpected
 * status so that a broken run never reports a figure.
 */
public final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** One answer: status, ETag header, body and the {@code Marquee-Position} header of a command's answer (else null). */
    public record Answer(int status, String etag, String body, String position) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    private final String base;
    private final String token;

    public Api(String base, String token) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
    }

    /** Logs the admin in; the access token lives 15 minutes, longer than any one scenario. */
    public static Api admin(Fleet fleet) {
        Api anonymous = new Api(fleet.baseUrl(), null);
        Answer login = anonymous.expect(200, "POST", "/api/auth/login",
                "{\"email\":\"" + fleet.email() + "\",\"password\":\"" + fleet.password() + "\"}");
        return new Api(fleet.baseUrl(), login.json().get("accessToken").asText());
    }

    public String base() {
        return base;
    }

    public String token() {
        return token;
    }

    /** The call, failing unless it answers {@code status}. */
    public Answer expect(int status, String method, String path, String json) {
        Answer answer = send(method, path, json);
        if (answer.status() != status) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    public Answer send(String method, String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("ETag").orElse(null), response.body(),
                    response.headers().firstValue("Marquee-Position").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
