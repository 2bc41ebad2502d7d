package org.skysieve.server.jobs;

import static java.util.Objects.requireNonNull;

/**
 * One file a job made, served under its name.
 *
 * @param name      the name clients ask for (URL-safe)
 * @param file      the file's path relative to the job's folder (so results survive a move of the jobs folder)
 * @param mimeType  the type it is served with
 */
public record JobResult(String name, String file, String mimeType) {
    public JobResult {
        requireNonNull(name, "name is null");
        requireNonNull(file, "file is null");
        requireNonNull(mimeType, "mimeType is null");
        if (file.startsWith("/") || file.contains("..")) {
            throw new IllegalArgumentException("Expected a path inside the job folder. Actual: '" + file + "'");
        }
    }
}
