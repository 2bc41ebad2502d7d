package org.skysieve.server.tap;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.skysieve.formats.TableFormat;
import org.skysieve.formats.WriteSummary;
import org.skysieve.server.http.ServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs async jobs on a fixed pool ({@link TapSettings#asyncThreads()}; others wait QUEUED), aborts them, and deletes
 * jobs whose destruction time has passed (a cleaner checks every {@code cleanerPeriod}). A job's result is written
 * to {@code result.part} and renamed to {@code result.EXT} when complete, so a partial file is never served.
 * Thread-safe.
 */
final class JobRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    private final JobStore store;
    private final QueryRunner queries;
    private final TapSettings settings;
    private final ExecutorService pool;
    private final ScheduledExecutorService cleaner;
    private final Map<String, Future<?>> running = new ConcurrentHashMap<>();

    JobRunner(JobStore store, QueryRunner queries, TapSettings settings, Duration cleanerPeriod) {
        this.store = requireNonNull(store, "store is null");
        this.queries = requireNonNull(queries, "queries is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.pool = Executors.newFixedThreadPool(settings.asyncThreads(), daemon("tap-async"));
        this.cleaner = Executors.newSingleThreadScheduledExecutor(daemon("tap-cleaner"));
        long millis = cleanerPeriod.toMillis();
        cleaner.scheduleWithFixedDelay(this::destroyExpired, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** PENDING -> QUEUED and submitted; other phases are left as they are (UWS: RUN on a started job is ignored). */
    void run(String jobId) {
        store.update(jobId, job -> job.phase() == UwsPhase.PENDING ? job.withPhase(UwsPhase.QUEUED) : job).ifPresent(job -> {
            if (job.phase() == UwsPhase.QUEUED && !running.containsKey(jobId)) {
                running.put(jobId, pool.submit(() -> execute(jobId)));
            }
        });
    }

    /** Any phase that is not final -> ABORTED; a running query is interrupted. */
    void abort(String jobId) {
        store.update(jobId, job -> job.phase().isFinal() ? job
                : job.failed(UwsPhase.ABORTED, Instant.now(), "Aborted at the client's request."));
        Future<?> future = running.remove(jobId);
        if (future != null) {
            future.cancel(true);
        }
    }

    void delete(String jobId) {
        abort(jobId);
        store.delete(jobId);
    }

    static Path resultFile(Path jobFolder, TableFormat format) {
        return jobFolder.resolve("result." + format.fileExtension());
    }

    private void execute(String jobId) {
        try {
            UwsJob job = store.update(jobId, current -> current.phase() == UwsPhase.QUEUED ? current.started(Instant.now()) : current)
                    .orElse(null);
            if (job == null || job.phase() != UwsPhase.EXECUTING) {
                return;
            }
            Path jobFolder = store.folder(jobId);
            TapRequest request = TapRequest.parse(TapRequest.fromStored(job.parameters()), settings);
            Map<String, Path> parts = new java.util.HashMap<>();
            Path uploadFolder = jobFolder.resolve("uploads");
            if (Files.isDirectory(uploadFolder)) {
                try (java.util.stream.Stream<Path> files = Files.list(uploadFolder)) {
                    files.forEach(file -> parts.put(file.getFileName().toString(), file));
                }
            }
            List<UploadedTable> uploads = UploadSources.resolve(request, parts, jobFolder, settings);
            Path partial = jobFolder.resolve("result.part");
            WriteSummary summary;
            Duration timeout = Duration.ofSeconds(job.executionDurationSeconds());
            java.util.Optional<AdqlExecutor.ParquetResult> parquet = queries.openParquet(request, uploads, timeout);
            if (parquet.isPresent()) {
                Files.move(parquet.get().file(), partial, StandardCopyOption.REPLACE_EXISTING);
                summary = parquet.get().summary();
            } else {
                try (ExecutedQuery query = queries.open(request, uploads, timeout);
                     OutputStream out = new InterruptibleOutputStream(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16))) {
                    summary = QueryRunner.write(query, request, queries.spoolFolder(), out);
                }
            }
            Files.move(partial, resultFile(jobFolder, request.format()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            store.update(jobId, current -> current.phase() == UwsPhase.EXECUTING
                    ? current.completed(Instant.now(), summary.rows(), summary.overflow()) : current);
        } catch (InterruptedIOException e) {
            LOG.info("Job {} stopped: {}", jobId, e.getMessage());
        } catch (ServiceException e) {
            fail(jobId, e.getMessage());
        } catch (Exception e) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            LOG.error("Job {} failed", jobId, e);
            fail(jobId, "The job failed inside the server: " + e.getMessage());
        } finally {
            running.remove(jobId);
        }
    }

    private void fail(String jobId, String message) {
        store.update(jobId, current -> current.phase().isFinal() ? current : current.failed(UwsPhase.ERROR, Instant.now(), message));
    }

    /** Deletes every job whose destruction time has passed. */
    void destroyExpired() {
        Instant now = Instant.now();
        for (UwsJob job : store.list()) {
            if (!job.destruction().isAfter(now)) {
                LOG.info("Destroying job {} (destruction time {})", job.jobId(), job.destruction());
                delete(job.jobId());
            }
        }
    }

    @Override
    public void close() {
        cleaner.shutdownNow();
        pool.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Stops a job's writing as soon as its thread is interrupted (ABORT), rather than at the end of the result. */
    private static final class InterruptibleOutputStream extends java.io.FilterOutputStream {
        InterruptibleOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("the job was aborted");
            }
            out.write(bytes, offset, length);
        }
    }
}
