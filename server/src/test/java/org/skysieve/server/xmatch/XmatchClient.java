package org.skysieve.server.xmatch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** HTTP calls to a test server: GET, DELETE and a multipart POST of one file part; redirects are not followed. */
final class XmatchClient {
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    XmatchClient(int port) {
        this.base = "http://localhost:" + port;
    }

    HttpResponse<byte[]> get(String urlOrPath) throws IOException, InterruptedException {
        String url = urlOrPath.startsWith("http") ? urlOrPath : base + urlOrPath;
        return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> delete(String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).DELETE().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** {@code form} as text parts and {@code file} as the part named {@code upload}. */
    HttpResponse<byte[]> post(String path, Map<String, String> form, byte[] file) throws IOException, InterruptedException {
        String boundary = "skysieve-xmatch-boundary-51c3";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> entry : form.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + entry.getKey() + "\"\r\n\r\n"
                    + entry.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (file != null) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"catalogue.dat\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(file);
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
