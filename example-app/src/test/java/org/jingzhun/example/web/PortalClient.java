package org.jingzhun.example.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A browser-like HTTP client of one portal for the API tests: keeps the session cookie and the CSRF token. */
final class PortalClient {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    final PortalServer portal;
    final HttpClient http;
    String csrf;

    PortalClient(PortalServer portal) {
        this.portal = portal;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    /** A client signed in as {@code user}; fails the test when the login does not succeed. */
    static PortalClient signedIn(PortalServer portal, String user, String password) {
        PortalClient c = new PortalClient(portal);
        HttpResponse<String> res = c.login(user, password);
        assertThat(res.statusCode()).as("login of " + user + ": " + res.body()).isEqualTo(200);
        return c;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + portal.port() + path);
    }

    HttpResponse<String> login(String user, String password) {
        try {
            String body = JSON.writeValueAsString(Map.of("username", user, "password", password));
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(uri("/api/login"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (res.statusCode() == 200) {
                csrf = JSON.readTree(res.body()).get("csrfToken").asText();
            }
            return res;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).build());
    }

    HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A POST with the session's CSRF token, as the page sends it. */
    HttpResponse<String> post(String path, Object body) {
        return post(path, body, csrf);
    }

    HttpResponse<String> post(String path, Object body, String token) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (token != null) {
                b.header(PortalServer.CSRF_HEADER, token);
            }
            return send(b.build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file upload as a browser's form sends it (multipart/form-data, field {@code file}), with the CSRF token. */
    HttpResponse<String> upload(String path, String fileName, byte[] content) {
        String boundary = "----jingzhun" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        body.writeBytes(head);
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (csrf != null) {
            b.header(PortalServer.CSRF_HEADER, csrf);
        }
        return send(b.build());
    }

    JsonNode json(HttpResponse<String> res) {
        try {
            return JSON.readTree(res.body());
        } catch (IOException e) {
            throw new IllegalStateException(res.body(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest req) {
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
