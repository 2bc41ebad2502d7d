package org.skysieve.server.tap;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.skysieve.catalog.archive.Folders;
import org.skysieve.catalog.model.SurveyJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The async jobs, kept on disk so they survive a restart: one folder per job under the jobs folder, holding
 * {@code job.json} (rewritten atomically on every change), the uploaded files and the result file.
 *
 * <p>On opening, jobs that were QUEUED or EXECUTING when the server stopped become ERROR (their run was lost).
 * Thread-safe: changes to a job are serialised; {@link #awaitPhaseChange} lets a request block (UWS WAIT).
 */
final class JobStore {
    private static final Logger LOG = LoggerFactory.getLogger(JobStore.class);
    private static final String JOB_FILE = "job.json";
    private final Path folder;
    private final Map<String, UwsJob> jobs = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    JobStore(Path folder) {
        this.folder = requireNonNull(folder, "folder is null");
        try {
            Files.createDirectories(folder);
            try (Stream<Path> children = Files.list(folder)) {
                for (Path child : children.toList()) {
                    Path file = child.resolve(JOB_FILE);
                    if (Files.isRegularFile(file)) {
                        UwsJob job = fromJson(Files.readString(file));
                        if (job.phase() == UwsPhase.QUEUED || job.phase() == UwsPhase.EXECUTING) {
                            job = job.failed(UwsPhase.ERROR, Instant.now(), "The server restarted while the job was "
                                    + job.phase() + "; run it again.");
                            write(job);
                        }
                        jobs.put(job.jobId(), job);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the jobs folder " + folder, e);
        }
    }

    Path folder(String jobId) {
        return folder.resolve(jobId);
    }

    String newJobId() {
        byte[] bytes = new byte[9];
        random.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replace('-', 'x').replace('_', 'y');
    }

    synchronized void add(UwsJob job) {
        write(job);
        jobs.put(job.jobId(), job);
        notifyAll();
    }

    Optional<UwsJob> get(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    List<UwsJob> list() {
        return jobs.values().stream().sorted(Comparator.comparing(UwsJob::creationTime)).toList();
    }

    /** Applies {@code change} to the job, stores and returns the new value; empty when the job does not exist. */
    synchronized Optional<UwsJob> update(String jobId, UnaryOperator<UwsJob> change) {
        UwsJob current = jobs.get(jobId);
        if (current == null) {
            return Optional.empty();
        }
        UwsJob changed = change.apply(current);
        if (!changed.equals(current)) {
            write(changed);
            jobs.put(jobId, changed);
            notifyAll();
        }
        return Optional.of(changed);
    }

    synchronized void delete(String jobId) {
        jobs.remove(jobId);
        Path jobFolder = folder(jobId);
        if (Files.exists(jobFolder)) {
            try {
                Folders.deleteRecursively(jobFolder);
            } catch (RuntimeException e) {
                LOG.warn("Cannot delete the folder of job {}: {}", jobId, e.getMessage());
            }
        }
        notifyAll();
    }

    /** Blocks until the job leaves {@code phase}, is deleted, or {@code timeoutMillis} pass. */
    synchronized void awaitPhaseChange(String jobId, UwsPhase phase, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            UwsJob job = jobs.get(jobId);
            long left = end - System.currentTimeMillis();
            if (job == null || job.phase() != phase || left <= 0) {
                return;
            }
            wait(left);
        }
    }

    private void write(UwsJob job) {
        try {
            Path jobFolder = folder(job.jobId());
            Files.createDirectories(jobFolder);
            Path temporary = jobFolder.resolve(JOB_FILE + ".tmp");
            Files.writeString(temporary, toJson(job));
            Files.move(temporary, jobFolder.resolve(JOB_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store job " + job.jobId(), e);
        }
    }

    static String toJson(UwsJob job) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("jobId", job.jobId());
        job.runId().ifPresent(runId -> values.put("runId", runId));
        values.put("phase", job.phase().name());
        values.put("creationTime", job.creationTime().toString());
        job.startTime().ifPresent(time -> values.put("startTime", time.toString()));
        job.endTime().ifPresent(time -> values.put("endTime", time.toString()));
        values.put("executionDurationSeconds", job.executionDurationSeconds());
        values.put("destruction", job.destruction().toString());
        values.put("parameters", new java.util.TreeMap<>(job.parameters()));
        job.errorMessage().ifPresent(message -> values.put("errorMessage", message));
        job.resultRows().ifPresent(rows -> values.put("resultRows", rows));
        values.put("resultOverflow", job.resultOverflow());
        return SurveyJson.toJson(values);
    }

    @SuppressWarnings("unchecked")
    static UwsJob fromJson(String json) {
        Map<String, Object> values = SurveyJson.fromJson(json, HashMap.class);
        return new UwsJob(
                (String) values.get("jobId"),
                Optional.ofNullable((String) values.get("runId")),
                UwsPhase.valueOf((String) values.get("phase")),
                Instant.parse((String) values.get("creationTime")),
                Optional.ofNullable((String) values.get("startTime")).map(Instant::parse),
                Optional.ofNullable((String) values.get("endTime")).map(Instant::parse),
                ((Number) values.get("executionDurationSeconds")).longValue(),
                Instant.parse((String) values.get("destruction")),
                (Map<String, String>) values.get("parameters"),
                Optional.ofNullable((String) values.get("errorMessage")),
                Optional.ofNullable((Number) values.get("resultRows")).map(Number::longValue),
                Boolean.TRUE.equals(values.get("resultOverflow")));
    }
}
