package org.skysieve.server.cutouts;

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
import java.util.concurrent.atomic.AtomicLong;
import org.skysieve.catalog.archive.Folders;
import org.skysieve.images.BatchCutouts;
import org.skysieve.server.tap.UwsPhase;

/**
 * Asynchronous cutout batches with the UWS phases (QUEUED, EXECUTING, COMPLETED, ERROR, ABORTED) and progress in
 * stamps. A job starts when created, runs on a pool of {@link CutoutSettings#asyncThreads()} threads, writes into its
 * own folder and keeps it until deleted or the server stops. A job's failure is recorded in that job only. Thread-safe.
 */
final class CutoutJobs implements AutoCloseable {
    /** A job's state; replaced whole, never mutated (progress is read live from {@link #progress}). */
    record Job(String id, Path folder, UwsPhase phase, Instant created, Optional<BatchResult> result,
            Optional<String> error, Progress progress) {
        Job {
            requireNonNull(id, "id is null");
            requireNonNull(folder, "folder is null");
            requireNonNull(phase, "phase is null");
            requireNonNull(created, "created is null");
            requireNonNull(result, "result is null");
            requireNonNull(error, "error is null");
            requireNonNull(progress, "progress is null");
        }

        Job with(UwsPhase next, Optional<BatchResult> outcome, Optional<String> message) {
            return new Job(id, folder, next, created, outcome, message, progress);
        }
    }

    /** Stamps done out of the total, updated by the running batch. */
    static final class Progress implements BatchCutouts.Progress {
        private final AtomicLong done = new AtomicLong();
        private final AtomicLong total = new AtomicLong();

        @Override
        public void stamps(long doneStamps, long totalStamps) {
            done.set(doneStamps);
            total.set(totalStamps);
        }

        long done() {
            return done.get();
        }

        long total() {
            return total.get();
        }
    }

    /** The work of a job: writes into the folder, reports progress, returns what it made. */
    interface Work {
        BatchResult run(Path folder, Progress progress) throws Exception;
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, Future<?>> running = new ConcurrentHashMap<>();
    private final ExecutorService pool;

    CutoutJobs(int threads) {
        pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "cutout-job");
            thread.setDaemon(true);
            return thread;
        });
    }

    static String newId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    void submit(String id, Path folder, long totalStamps, Work work) {
        Progress progress = new Progress();
        progress.stamps(0, totalStamps);
        jobs.put(id, new Job(id, folder, UwsPhase.QUEUED, Instant.now(), Optional.empty(), Optional.empty(),
                progress));
        running.put(id, pool.submit(() -> {
            jobs.computeIfPresent(id, (key, job) -> job.with(UwsPhase.EXECUTING, Optional.empty(), Optional.empty()));
            try {
                BatchResult result = work.run(folder, progress);
                jobs.computeIfPresent(id, (key, job) -> job.with(UwsPhase.COMPLETED, Optional.of(result),
                        Optional.empty()));
            } catch (Exception e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                boolean aborted = Thread.currentThread().isInterrupted()
                        || e instanceof java.io.InterruptedIOException;
                jobs.computeIfPresent(id, (key, job) -> job.with(aborted ? UwsPhase.ABORTED : UwsPhase.ERROR,
                        Optional.empty(), Optional.of(message)));
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

    @Override
    public void close() {
        pool.shutdownNow();
        jobs.keySet().forEach(this::delete);
    }
}
