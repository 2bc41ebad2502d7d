package org.skysieve.server.jobs;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.skysieve.catalog.archive.Folders;
import org.skysieve.server.http.ErrorCategory;
import org.skysieve.server.http.ServiceException;
import org.skysieve.server.tap.UwsPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's asynchronous jobs of one kind (cross-match, cutout batches, datasets; TAP keeps its own UWS store), kept
 * on disk so that jobs and results survive a restart: one folder per job under {@link JobStoreSettings#folder()},
 * holding {@code job.json} (rewritten atomically, write then rename, at every change of phase and at most every
 * {@value #PROGRESS_WRITE_MILLIS} ms of progress), the job's inputs and its results.
 *
 * <p>A job is QUEUED when submitted and runs on a pool of {@link JobStoreSettings#threads()} threads. Abort marks it
 * cancelled and interrupts its thread; its end phase is then ABORTED. Delete aborts and removes the folder. A cleaner
 * deletes jobs past their destruction time.
 *
 * <p>On opening, a job that was QUEUED or EXECUTING when the server stopped is given to the {@link Resumer}: a work to
 * continue with (it is queued again), or none, and it becomes ERROR "interrupted by a server restart". Folders without
 * {@code job.json} (a submission that never finished) are removed. Closing stops running jobs without recording an end
 * phase, so that they count as interrupted at the next opening.
 *
 * <p>Thread-safe: changes to a job are serialised on the store.
 */
public final class JobStore implements AutoCloseable {
    /** Decides what becomes of a job interrupted by a restart. */
    @FunctionalInterface
    public interface Resumer {
        /** The work that continues {@code job} (whose folder is {@code folder}), or empty if it cannot continue. */
        Optional<JobWork> resume(Job job, Path folder);

        /** Resumes nothing: interrupted jobs become ERROR. */
        static Resumer none() {
            return (job, folder) -> Optional.empty();
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(JobStore.class);
    private static final String JOB_FILE = "job.json";
    private static final long PROGRESS_WRITE_MILLIS = 2000;
    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");

    private final JobStoreSettings settings;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final Map<String, Long> lastWriteMillis = new ConcurrentHashMap<>();
    private final ExecutorService pool;
    private final ScheduledExecutorService cleaner;
    private volatile boolean closing;

    /** A submitted job's future and its cancellation flag. */
    private static final class Running {
        final AtomicBoolean cancelled = new AtomicBoolean();
        volatile Future<?> future;
    }

    /** Opens the store over its folder (created if absent), resuming or failing interrupted jobs. */
    public JobStore(JobStoreSettings settings, Resumer resumer) {
        this.settings = requireNonNull(settings, "settings is null");
        requireNonNull(resumer, "resumer is null");
        this.pool = Executors.newFixedThreadPool(settings.threads(), daemon(settings.kind() + "-job"));
        this.cleaner = Executors.newSingleThreadScheduledExecutor(daemon(settings.kind() + "-job-cleaner"));
        try {
            Files.createDirectories(settings.folder());
            try (Stream<Path> children = Files.list(settings.folder())) {
                for (Path child : children.sorted().toList()) {
                    open(child, resumer);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the jobs folder " + settings.folder(), e);
        }
        long millis = settings.cleanerPeriod().toMillis();
        cleaner.scheduleWithFixedDelay(this::destroyExpired, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void open(Path child, Resumer resumer) throws IOException {
        String id = child.getFileName().toString();
        if (!Files.isDirectory(child) || !ID.matcher(id).matches()) {
            return;
        }
        Path file = child.resolve(JOB_FILE);
        if (!Files.isRegularFile(file)) {
            Folders.deleteRecursively(child); // a submission that failed or was cut short before it was stored
            return;
        }
        Job job;
        try {
            job = JobJson.fromJson(Files.readString(file));
        } catch (IllegalArgumentException e) {
            LOG.warn("Skipping the unreadable job {}: {}", child, e.getMessage());
            return;
        }
        if (job.destructionTime().isBefore(Instant.now())) {
            Folders.deleteRecursively(child);
            return;
        }
        if (!job.phase().isFinal()) {
            Optional<JobWork> work = resumer.resume(job, child);
            if (work.isPresent()) {
                job = job.requeued();
                write(job);
                jobs.put(id, job);
                start(id, work.get());
                return;
            }
            job = job.ended(UwsPhase.ERROR, Instant.now(), "The job was interrupted by a server restart while "
                    + job.phase() + "; submit it again.");
            write(job);
        }
        jobs.put(id, job);
    }

    public JobStoreSettings settings() {
        return settings;
    }

    /** A fresh job id (16 hex digits); its folder is {@link #folder(String)}, created by the caller. */
    public String newId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /**
     * The folder of job {@code id}.
     *
     * @throws IllegalArgumentException when {@code id} is not of the form of {@link #newId()}
     */
    public Path folder(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Expected a job id of 16 hex digits. Actual: '" + id + "'");
        }
        return settings.folder().resolve(id);
    }

    /**
     * Refuses new work when {@link JobStoreSettings#maxWaiting()} jobs already wait beyond those executing. Services
     * call it before saving a submission's uploads; {@link #submit} checks again.
     *
     * @throws ServiceException UNAVAILABLE naming the limit
     */
    public void checkCapacity() {
        long active = jobs.values().stream().filter(job -> !job.phase().isFinal()).count();
        if (active >= (long) settings.threads() + settings.maxWaiting()) {
            throw new ServiceException(ErrorCategory.UNAVAILABLE, "Expected at most " + settings.threads()
                    + " " + settings.kind() + " jobs executing and " + settings.maxWaiting() + " waiting. Actual: "
                    + active + " not finished; try again when some have ended, or delete some");
        }
    }

    /**
     * Stores a new QUEUED job whose folder the caller has prepared, and queues its work.
     *
     * @param attributes  facts shown with the job (its parameters, ...)
     */
    public Job submit(String id, Map<String, String> attributes, JobWork work) {
        requireNonNull(work, "work is null");
        checkCapacity();
        Instant now = Instant.now();
        Job job = Job.queued(id, settings.kind(), now, now.plus(settings.retention()), attributes);
        synchronized (this) {
            write(job);
            jobs.put(id, job);
        }
        start(id, work);
        return job;
    }

    private void start(String id, JobWork work) {
        Running handle = new Running();
        running.put(id, handle);
        handle.future = pool.submit(() -> execute(id, work, handle));
    }

    private void execute(String id, JobWork work, Running handle) {
        try {
            Optional<Job> started = update(id, job -> job.phase() == UwsPhase.QUEUED && !handle.cancelled.get()
                    ? job.started(Instant.now()) : job);
            if (started.isEmpty() || started.get().phase() != UwsPhase.EXECUTING || closing) {
                return;
            }
            JobContext context = new JobContext(id, folder(id), progress -> progress(id, progress),
                    handle.cancelled::get, () -> closing);
            JobOutcome outcome;
            try {
                outcome = work.run(context);
            } catch (Exception | LinkageError | AssertionError e) {
                if (closing) {
                    return; // left EXECUTING on disk: the next opening resumes or fails it
                }
                if (handle.cancelled.get()) {
                    update(id, job -> job.ended(UwsPhase.ABORTED, Instant.now(), "Aborted by the client."));
                } else {
                    if (!(e instanceof ServiceException) && !(e instanceof IllegalArgumentException)) {
                        LOG.warn("{} job {} failed", settings.kind(), id, e);
                    }
                    update(id, job -> job.ended(UwsPhase.ERROR, Instant.now(), message(e)));
                }
                return;
            }
            if (closing) {
                return;
            }
            if (handle.cancelled.get()) {
                update(id, job -> job.ended(UwsPhase.ABORTED, Instant.now(), "Aborted by the client."));
            } else {
                update(id, job -> job.completed(Instant.now(), outcome));
            }
        } finally {
            running.remove(id, handle);
            lastWriteMillis.remove(id);
            if (!jobs.containsKey(id) && !closing) {
                Folders.deleteRecursively(settings.folder().resolve(id)); // deleted while it ran
            }
        }
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void progress(String id, JobProgress progress) {
        long now = System.currentTimeMillis();
        synchronized (this) {
            Job current = jobs.get(id);
            if (current == null || current.phase() != UwsPhase.EXECUTING) {
                return;
            }
            Job changed = current.withProgress(progress);
            jobs.put(id, changed);
            Long last = lastWriteMillis.get(id);
            if (last == null || now - last >= PROGRESS_WRITE_MILLIS) {
                write(changed);
            }
        }
    }

    /** The job {@code id}; empty when there is none (or {@code id} is not a job id at all). */
    public Optional<Job> job(String id) {
        return id != null && ID.matcher(id).matches() ? Optional.ofNullable(jobs.get(id)) : Optional.empty();
    }

    /** Every job, oldest first. */
    public List<Job> list() {
        return jobs.values().stream().sorted(Comparator.comparing(Job::creationTime).thenComparing(Job::id)).toList();
    }

    /** Jobs executing now. */
    public long executing() {
        return jobs.values().stream().filter(job -> job.phase() == UwsPhase.EXECUTING).count();
    }

    /** The file of {@code result} of {@code job}. */
    public Path file(Job job, JobResult result) {
        return folder(job.id()).resolve(result.file());
    }

    /**
     * Aborts the job: a QUEUED one becomes ABORTED now, an EXECUTING one is told to stop and becomes ABORTED when its
     * work returns; a finished one is left as it is.
     *
     * @return the job after the change; empty when there is no such job
     */
    public Optional<Job> abort(String id) {
        Running handle = running.get(id);
        if (handle != null) {
            handle.cancelled.set(true);
        }
        Optional<Job> changed = update(id, job -> job.phase() == UwsPhase.QUEUED
                ? job.ended(UwsPhase.ABORTED, Instant.now(), "Aborted by the client before it started.") : job);
        stop(id, handle);
        return changed;
    }

    /** Aborts the job if it runs and removes it with its folder; false when there was no such job. */
    public boolean delete(String id) {
        if (job(id).isEmpty()) {
            return false;
        }
        Running handle = running.get(id);
        if (handle != null) {
            handle.cancelled.set(true);
        }
        Job removed;
        synchronized (this) {
            removed = jobs.remove(id);
        }
        stop(id, handle);
        if (removed != null && removed.phase() != UwsPhase.EXECUTING) {
            // an EXECUTING job's folder goes when its work returns, so that it does not write into a deleted folder
            Folders.deleteRecursively(settings.folder().resolve(id));
        }
        return removed != null;
    }

    /** Interrupts the job's thread (a job that never started is dropped by the pool). */
    private void stop(String id, Running handle) {
        if (handle == null || handle.future == null) {
            return;
        }
        handle.future.cancel(true);
        running.remove(id, handle); // the flag stays set for the work, which may still be returning
    }

    /** Deletes every job whose destruction time has passed. */
    public void destroyExpired() {
        Instant now = Instant.now();
        for (Job job : List.copyOf(jobs.values())) {
            if (job.destructionTime().isBefore(now)) {
                LOG.info("Deleting {} job {}: its destruction time {} has passed", settings.kind(), job.id(),
                        job.destructionTime());
                delete(job.id());
            }
        }
    }

    /** Applies {@code change} to the job and stores the new value; empty when the job does not exist. */
    private synchronized Optional<Job> update(String id, UnaryOperator<Job> change) {
        Job current = jobs.get(id);
        if (current == null) {
            return Optional.empty();
        }
        Job changed = change.apply(current);
        if (!changed.equals(current)) {
            write(changed);
            jobs.put(id, changed);
        }
        return Optional.of(changed);
    }

    private void write(Job job) {
        Path jobFolder = settings.folder().resolve(job.id());
        try {
            Files.createDirectories(jobFolder);
            Path temporary = jobFolder.resolve(JOB_FILE + ".tmp");
            Files.writeString(temporary, JobJson.toJson(job));
            Files.move(temporary, jobFolder.resolve(JOB_FILE), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            lastWriteMillis.put(job.id(), System.currentTimeMillis());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store " + settings.kind() + " job " + job.id(), e);
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Stops the running jobs (told to stop, interrupted, waited for up to 30 s) without recording an end phase, and the
     * cleaner. Jobs and their files stay on disk for the next opening.
     */
    @Override
    public void close() {
        closing = true;
        cleaner.shutdownNow();
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("{} jobs still running 30 s after the server was asked to stop", settings.kind());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
