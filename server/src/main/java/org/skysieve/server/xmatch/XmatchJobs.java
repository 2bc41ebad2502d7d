package org.skysieve.server.xmatch;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.skysieve.catalog.archive.Folders;
import org.skysieve.server.tap.UwsPhase;

/**
 * Asynchronous cross-match jobs: a small job resource with the UWS phases (QUEUED, EXECUTING, COMPLETED, ERROR,
 * ABORTED). A job starts as soon as it is created (no PENDING step), runs on a fixed pool of
 * {@link XmatchSettings#asyncThreads()} threads, and keeps its folder (upload, result) until it is deleted or the server
 * stops. A job's failure is recorded in that job only. Thread-safe.
 */
final class XmatchJobs implements AutoCloseable {
    /** A job's state; fields are replaced whole, never mutated. */
    record Job(String id, Path folder, UwsPhase phase, Instant created, Optional<Path> result, Optional<String> mimeType,
            Optional<String> error, long rows) {
        Job {
            requireNonNull(id, "id is null");
            requireNonNull(folder, "folder is null");
            requireNonNull(phase, "phase is null");
            requireNonNull(created, "created is null");
            requireNonNull(result, "result is null");
            requireNonNull(mimeType, "mimeType is null");
            requireNonNull(error, "error is null");
        }
    }

    /** The work of a job: writes the result into the job's folder and returns the file, its MIME type and the rows written. */
    interface Work {
        Outcome run(Path folder) throws Exception;
    }

    record Outcome(Path result, String mimeType, long rows) {
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, Future<?>> running = new ConcurrentHashMap<>();
    private final ExecutorService pool;

    XmatchJobs(int threads) {
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "xmatch-job");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A fresh job id and its folder under {@code root} (not yet created on disk). */
    static String newId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    void submit(String id, Path folder, Work work) {
        jobs.put(id, new Job(id, folder, UwsPhase.QUEUED, Instant.now(), Optional.empty(), Optional.empty(), Optional.empty(), 0));
        running.put(id, pool.submit(() -> {
            jobs.computeIfPresent(id, (key, job) -> withPhase(job, UwsPhase.EXECUTING));
            try {
                Outcome outcome = work.run(folder);
                jobs.computeIfPresent(id, (key, job) -> new Job(id, folder, UwsPhase.COMPLETED, job.created(), Optional.of(outcome.result()),
                        Optional.of(outcome.mimeType()), Optional.empty(), outcome.rows()));
            } catch (Exception e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                jobs.computeIfPresent(id, (key, job) -> new Job(id, folder, Thread.currentThread().isInterrupted() ? UwsPhase.ABORTED : UwsPhase.ERROR,
                        job.created(), Optional.empty(), Optional.empty(), Optional.of(message), 0));
            } finally {
                running.remove(id);
            }
        }));
    }

    Optional<Job> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Stops the job if it runs and removes it with its files. */
    boolean delete(String id) {
        Future<?> future = running.remove(id);
        if (future != null) {
            future.cancel(true);
        }
        Job job = jobs.remove(id);
        if (job != null) {
            Folders.deleteRecursively(job.folder());
        }
        return job != null;
    }

    private static Job withPhase(Job job, UwsPhase phase) {
        return new Job(job.id(), job.folder(), phase, job.created(), job.result(), job.mimeType(), job.error(), job.rows());
    }

    @Override
    public void close() {
        pool.shutdownNow();
        jobs.keySet().forEach(this::delete);
    }
}
