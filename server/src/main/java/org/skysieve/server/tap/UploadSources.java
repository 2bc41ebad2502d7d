package org.skysieve.server.tap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;

/**
 * Resolves the UPLOAD sources of a request to tables: an inline part already saved, or (when
 * {@link TapSettings#uploadUrls()} allows it) an http(s) URL fetched here, cut off at the upload limit. Stateless.
 */
final class UploadSources {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(20)).build();

    private UploadSources() {
    }

    static List<UploadedTable> resolve(TapRequest request, Map<String, Path> parts, Path workFolder, TapSettings settings) {
        List<UploadedTable> tables = new ArrayList<>();
        long total = 0;
        for (TapRequest.UploadSource source : request.uploads()) {
            Path file;
            if (source.inline()) {
                file = parts.get(source.partName());
                if (file == null) {
                    throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected an uploaded part named " + source.partName()
                            + " for UPLOAD " + source.tableName() + ". Actual: parts " + parts.keySet());
                }
            } else {
                if (!settings.uploadUrls()) {
                    throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected UPLOAD " + source.tableName()
                            + " inline (param:part_name): this service does not fetch URLs. Actual: " + source.source());
                }
                file = fetch(source, workFolder.resolve("fetched"), settings.uploadLimitBytes() - total);
            }
            try {
                total += Files.size(file);
            } catch (IOException e) {
                throw new ServiceException(ErrorCategory.INTERNAL, "Cannot read the uploaded file of " + source.tableName(), e);
            }
            tables.add(UploadReader.read(source.tableName(), file, workFolder.resolve("tables"), settings.uploadLimitRows()));
        }
        return tables;
    }

    private static Path fetch(TapRequest.UploadSource source, Path folder, long limitBytes) {
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(source.tableName());
            HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(source.source()))
                    .timeout(Duration.ofMinutes(2)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(file)) {
                if (response.statusCode() != 200) {
                    throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected HTTP 200 from " + source.source()
                            + " (UPLOAD " + source.tableName() + "). Actual: " + response.statusCode());
                }
                byte[] buffer = new byte[1 << 16];
                long copied = 0;
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    copied += read;
                    if (copied > limitBytes) {
                        throw new ServiceException(ErrorCategory.TOO_LARGE, "Expected uploads of at most the upload limit in all."
                                + " Actual: " + source.source() + " is larger");
                    }
                    out.write(buffer, 0, read);
                }
            }
            return file;
        } catch (IOException | IllegalArgumentException e) {
            throw new ServiceException(ErrorCategory.BAD_REQUEST, "Cannot fetch " + source.source() + " for UPLOAD "
                    + source.tableName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(ErrorCategory.UNAVAILABLE, "Interrupted while fetching " + source.source(), e);
        }
    }
}
