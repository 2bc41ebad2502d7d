package org.skysieve.server.tap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/** HTTP calls to a test server: GET, form POST and multipart POST; redirects are not followed (UWS tests read them). */
final class TapClient {
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    TapClient(int port) {
        this.base = "http://localhost:" + port;
    }

    String base() {
        return base;
    }

    HttpResponse<byte[]> get(String pathAndQuery) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> delete(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).DELETE().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A multipart/form-data POST: {@code form} as text parts, {@code files} as file parts (name -> bytes). */
    HttpResponse<byte[]> multipart(String path, Map<String, String> form, Map<String, byte[]> files) throws IOException, InterruptedException {
        String boundary = "skysieve-boundary-7d1f";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> entry : form.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + entry.getKey() + "\"\r\n\r\n"
                    + entry.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, byte[]> entry : files.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + entry.getKey() + "\"; filename=\""
                    + entry.getKey() + ".dat\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(entry.getValue());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String encode(Map<String, String> form) {
        StringJoiner joined = new StringJoiner("&");
        form.forEach((name, value) -> joined.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return joined.toString();
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
