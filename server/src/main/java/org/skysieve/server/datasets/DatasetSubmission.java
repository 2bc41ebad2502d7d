package org.skysieve.server.datasets;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;

/**
 * Saves the body of {@code POST /datasets} into a job's input folder: the spec as {@code spec.yaml} or
 * {@code spec.json}, and in a multipart body every file part other than {@code spec} under its file name (or, without
 * one, its part name), so that the spec's relative {@code objects: {upload: NAME}} resolves beside it. Names are
 * checked: one plain file name each, no folders, no leading dot. Stateless.
 */
final class DatasetSubmission {
    /** A name an upload may be saved under. */
    static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final String SPEC_PART = "spec";

    private DatasetSubmission() {
    }

    /**
     * @param inputFolder  the job's input folder (created here)
     * @return the saved spec file
     */
    static Path save(Context context, Path inputFolder, long limitBytes) throws IOException {
        long declared = context.contentLength();
        if (declared > limitBytes) {
            throw tooLarge(limitBytes, declared);
        }
        Files.createDirectories(inputFolder);
        String contentType = Optional.ofNullable(context.contentType()).orElse("").toLowerCase(Locale.ROOT);
        if (contentType.startsWith("multipart/form-data")) {
            return saveMultipart(context, inputFolder);
        }
        byte[] head = new byte[0];
        Path temporary = inputFolder.resolve("spec.part");
        try (InputStream in = context.bodyInputStream(); OutputStream out = Files.newOutputStream(temporary)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                total += read;
                if (total > limitBytes) {
                    throw tooLarge(limitBytes, total);
                }
                if (head.length == 0) {
                    head = java.util.Arrays.copyOf(buffer, read);
                }
                out.write(buffer, 0, read);
            }
            if (total == 0) {
                throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected a dataset spec (YAML or JSON) as the"
                        + " request body, or a multipart body with a part named spec. Actual: an empty body");
            }
        }
        Path spec = inputFolder.resolve(isJson(contentType, head) ? "spec.json" : "spec.yaml");
        Files.move(temporary, spec);
        return spec;
    }

    private static Path saveMultipart(Context context, Path inputFolder) throws IOException {
        Map<String, List<UploadedFile>> files;
        Map<String, List<String>> fields;
        try {
            files = context.uploadedFileMap();
            fields = context.formParamMap();
        } catch (Exception e) { // Jetty's refusal arrives as a sneakily thrown ServletException
            throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected a readable multipart body. Actual: "
                    + e.getMessage(), e);
        }
        Path spec = null;
        List<String> specFields = fields.getOrDefault(SPEC_PART, List.of());
        if (!specFields.isEmpty()) {
            String text = specFields.get(0);
            spec = inputFolder.resolve(isJson("", text.getBytes(StandardCharsets.UTF_8)) ? "spec.json" : "spec.yaml");
            Files.writeString(spec, text);
        }
        for (Map.Entry<String, List<UploadedFile>> entry : files.entrySet()) {
            for (UploadedFile file : entry.getValue()) {
                if (entry.getKey().equals(SPEC_PART)) {
                    if (spec != null) {
                        throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected one part named spec. Actual:"
                                + " several");
                    }
                    String name = Optional.ofNullable(file.filename()).orElse("").toLowerCase(Locale.ROOT);
                    spec = inputFolder.resolve(name.endsWith(".json") ? "spec.json" : "spec.yaml");
                    copy(file, spec);
                } else {
                    String name = file.filename() == null || file.filename().isBlank() ? entry.getKey()
                            : Path.of(file.filename()).getFileName().toString();
                    checkUploadName(name, entry.getKey());
                    Path target = inputFolder.resolve(name);
                    if (Files.exists(target)) {
                        throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected each upload under its own"
                                + " name. Actual: two parts named '" + name + "'");
                    }
                    copy(file, target);
                }
            }
        }
        if (spec == null) {
            throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected a part named spec (the dataset spec,"
                    + " YAML or JSON) in the multipart body. Actual: parts " + files.keySet() + " and fields "
                    + fields.keySet());
        }
        return spec;
    }

    private static void checkUploadName(String name, String part) {
        if (!FILE_NAME.matcher(name).matches() || name.startsWith("spec.")) {
            throw new ServiceException(ErrorCategory.BAD_REQUEST, "Expected the file name of upload part '" + part
                    + "' to be a plain name of letters, digits, '.', '_' and '-' (not starting with '.' or 'spec.')."
                    + " Actual: '" + name + "'");
        }
    }

    private static void copy(UploadedFile file, Path target) throws IOException {
        try (InputStream in = file.content()) {
            Files.copy(in, target);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean isJson(String contentType, byte[] head) {
        if (contentType.contains("json")) {
            return true;
        }
        for (byte value : head) {
            if (!Character.isWhitespace(value)) {
                return value == '{';
            }
        }
        return false;
    }

    private static ServiceException tooLarge(long limitBytes, long actual) {
        return new ServiceException(ErrorCategory.TOO_LARGE, "Expected a request body (spec and uploads) of at most "
                + limitBytes + " bytes. Actual: " + actual + " bytes or more");
    }
}
