package org.skysieve.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.server.http.ServiceException;
import org.skysieve.server.tap.UwsPhase;

/**
 * The job store on real folders: phases and times in order, progress, results, abort of queued and executing jobs,
 * delete, the waiting limit, destruction, and what a new store on the same folder makes of finished, interrupted and
 * half-submitted jobs.
 */
class JobStoreTest {
    @TempDir
    Path folder;

    private JobStoreSettings settings(int threads) {
        return JobStoreSettings.of(folder, "test", threads);
    }

    /** A bound on waiting for an end state that only a hang reaches (never a measure of speed). */
    private static final long HANG_NANOS = Duration.ofMinutes(5).toNanos();

    /** Waits for the job to reach {@code phase}, an end phase (a poll can miss a transient one). */
    private static Job await(JobStore store, String id, UwsPhase phase) throws InterruptedException {
        assertThat(phase.isFinal()).as("only end phases are awaited").isTrue();
        long deadline = System.nanoTime() + HANG_NANOS;
        while (System.nanoTime() < deadline) {
            Optional<Job> job = store.job(id);
            if (job.isPresent() && job.get().phase() == phase) {
                return job.get();
            }
            Thread.sleep(25);
        }
        throw new AssertionError("Job " + id + " did not reach " + phase + ": " + store.job(id));
    }

    /** Waits until the job and its folder are gone. */
    private static void awaitGone(JobStore store, String id) throws InterruptedException {
        long deadline = System.nanoTime() + HANG_NANOS;
        while ((store.job(id).isPresent() || Files.exists(store.folder(id))) && System.nanoTime() < deadline) {
            Thread.sleep(25);
        }
        assertThat(store.job(id)).isEmpty();
        assertThat(store.folder(id)).doesNotExist();
    }

    /** A work that writes one result file after reporting progress. */
    private static JobWork writing(String text) {
        return context -> {
            context.progress("writing", 1, 2);
            Files.writeString(context.folder().resolve("result.txt"), text);
            context.progress("writing", 2, 2);
            return new JobOutcome(List.of(new JobResult("result", "result.txt", "text/plain")), Map.of("rows", "7"));
        };
    }

    /** A work that waits until released or cancelled. */
    private static JobWork blocking(CountDownLatch started, CountDownLatch release) {
        return context -> {
            started.countDown();
            while (!release.await(20, TimeUnit.MILLISECONDS)) {
                if (context.cancelled()) {
                    throw new IllegalStateException("stopped");
                }
            }
            return new JobOutcome(List.of(), Map.of());
        };
    }

    @Test
    void aJobRunsToCompletedWithItsResultTimesAndAttributesAndSurvivesANewStore() throws Exception {
        String id;
        try (JobStore store = new JobStore(settings(1), JobStore.Resumer.none())) {
            id = store.newId();
            Files.createDirectories(store.folder(id));
            Job queued = store.submit(id, Map.of("name", "first"), writing("hello"));
            assertThat(queued.phase()).isEqualTo(UwsPhase.QUEUED);
            assertThat(queued.destructionTime()).isEqualTo(queued.creationTime().plus(Duration.ofDays(7)));
            Job done = await(store, id, UwsPhase.COMPLETED);
            assertThat(done.progress()).isEqualTo(new JobProgress("writing", 2, 2));
            assertThat(done.attributes()).containsEntry("name", "first").containsEntry("rows", "7");
            assertThat(done.startTime()).isPresent();
            assertThat(done.endTime()).isPresent();
            assertThat(done.startTime().get()).isAfterOrEqualTo(done.creationTime());
            assertThat(done.endTime().get()).isAfterOrEqualTo(done.startTime().get());
            assertThat(Files.readString(store.file(done, done.result("result").orElseThrow()))).isEqualTo("hello");
        }
        try (JobStore reopened = new JobStore(settings(1), JobStore.Resumer.none())) {
            Job again = reopened.job(id).orElseThrow();
            assertThat(again.phase()).isEqualTo(UwsPhase.COMPLETED);
            assertThat(again.results()).containsExactly(new JobResult("result", "result.txt", "text/plain"));
            assertThat(Files.readString(reopened.file(again, again.results().get(0)))).isEqualTo("hello");
            assertThat(reopened.list()).extracting(Job::id).containsExactly(id);
        }
    }

    @Test
    void aFailingJobIsErrorWithItsMessageAndOthersRunOn() throws Exception {
        try (JobStore store = new JobStore(settings(1), JobStore.Resumer.none())) {
            String bad = store.newId();
            store.submit(bad, Map.of(), context -> {
                throw new IllegalArgumentException("Expected a good row. Actual: row 3");
            });
            String good = store.newId();
            store.submit(good, Map.of(), writing("fine"));
            assertThat(await(store, bad, UwsPhase.ERROR).errorMessage()).hasValue("Expected a good row. Actual: row 3");
            assertThat(await(store, good, UwsPhase.COMPLETED).results()).hasSize(1);
        }
    }

    @Test
    void abortStopsAnExecutingJobAndAQueuedOneBeforeItStarts() throws Exception {
        try (JobStore store = new JobStore(settings(1), JobStore.Resumer.none())) {
            CountDownLatch started = new CountDownLatch(1);
            String executing = store.newId();
            store.submit(executing, Map.of(), blocking(started, new CountDownLatch(1)));
            assertThat(started.await(5, TimeUnit.MINUTES)).isTrue();
            AtomicInteger ran = new AtomicInteger();
            String queued = store.newId();
            store.submit(queued, Map.of(), context -> {
                ran.incrementAndGet();
                return new JobOutcome(List.of(), Map.of());
            });
            assertThat(store.job(queued).orElseThrow().phase()).isEqualTo(UwsPhase.QUEUED);
            assertThat(store.abort(queued).orElseThrow().phase()).isEqualTo(UwsPhase.ABORTED);
            store.abort(executing);
            Job aborted = await(store, executing, UwsPhase.ABORTED);
            assertThat(aborted.errorMessage()).hasValue("Aborted by the client.");
            assertThat(aborted.results()).isEmpty();
            // one thread takes jobs in order: once a later job has completed, the aborted queued one has had its turn
            String later = store.newId();
            store.submit(later, Map.of(), writing("later"));
            await(store, later, UwsPhase.COMPLETED);
            assertThat(ran).hasValue(0);
            assertThat(store.job(queued).orElseThrow().phase()).isEqualTo(UwsPhase.ABORTED);
            assertThat(store.abort("0123456789abcdef")).isEmpty();
        }
    }

    @Test
    void deleteRemovesTheJobAndItsFolderEvenWhileItRuns() throws Exception {
        try (JobStore store = new JobStore(settings(1), JobStore.Resumer.none())) {
            CountDownLatch started = new CountDownLatch(1);
            String id = store.newId();
            Files.createDirectories(store.folder(id));
            store.submit(id, Map.of(), blocking(started, new CountDownLatch(1)));
            assertThat(started.await(5, TimeUnit.MINUTES)).isTrue();
            assertThat(store.delete(id)).isTrue();
            assertThat(store.job(id)).isEmpty();
            awaitGone(store, id); // the folder goes when the work has returned
            assertThat(store.delete(id)).isFalse();
        }
    }

    @Test
    void idsThatAreNotJobIdsFindNothingAndNameNoFolder() {
        try (JobStore store = new JobStore(settings(1), JobStore.Resumer.none())) {
            assertThat(store.job("../etc")).isEmpty();
            assertThat(store.job("0123456789ABCDEF")).isEmpty();
            assertThat(store.job(null)).isEmpty();
            assertThatThrownBy(() -> store.folder("..")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("16 hex digits").hasMessageContaining("'..'");
        }
    }

    @Test
    void beyondTheWaitingLimitNewJobsAreRefusedNamingTheLimit() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (JobStore store = new JobStore(settings(1).withMaxWaiting(1), JobStore.Resumer.none())) {
            CountDownLatch started = new CountDownLatch(1);
            store.submit(store.newId(), Map.of(), blocking(started, release));
            store.submit(store.newId(), Map.of(), writing("second"));
            assertThatThrownBy(() -> store.submit(store.newId(), Map.of(), writing("third")))
                    .isInstanceOf(ServiceException.class)
                    .hasMessageContaining("at most 1 test jobs executing and 1 waiting").hasMessageContaining("Actual: 2");
            release.countDown();
        }
    }

    @Test
    void jobsPastTheirDestructionTimeAreDeleted() throws Exception {
        // the cleaner does not run during this part (its first run is an hour away): the test calls it
        JobStoreSettings manual = settings(1).withRetention(Duration.ofMillis(200)).withCleanerPeriod(Duration.ofHours(1));
        try (JobStore store = new JobStore(manual, JobStore.Resumer.none())) {
            String id = store.newId();
            store.submit(id, Map.of(), writing("short"));
            Job done = await(store, id, UwsPhase.COMPLETED);
            store.destroyExpired();
            if (store.job(id).isPresent()) { // not yet past its destruction time: wait for the clock, not for a thread
                assertThat(store.folder(id)).exists();
                Thread.sleep(Math.max(0, Duration.between(java.time.Instant.now(), done.destructionTime()).toMillis()) + 2);
                store.destroyExpired();
            }
            assertThat(store.job(id)).isEmpty();
            assertThat(store.folder(id)).doesNotExist();
        }
        // and the cleaner does it on its own
        JobStoreSettings cleaned = settings(1).withRetention(Duration.ofMillis(200)).withCleanerPeriod(Duration.ofMillis(50));
        try (JobStore store = new JobStore(cleaned, JobStore.Resumer.none())) {
            String id = store.newId();
            store.submit(id, Map.of(), writing("short"));
            awaitGone(store, id);
        }
    }

    @Test
    void aRestartFailsOrResumesInterruptedJobsAndDropsHalfSubmittedFolders() throws Exception {
        String failed;
        String resumed;
        String halfSubmitted;
        CountDownLatch never = new CountDownLatch(1);
        try (JobStore store = new JobStore(settings(2), JobStore.Resumer.none())) {
            CountDownLatch started = new CountDownLatch(2);
            failed = store.newId();
            store.submit(failed, Map.of("kind", "plain"), blocking(started, never));
            resumed = store.newId();
            store.submit(resumed, Map.of("kind", "resumable"), blocking(started, never));
            assertThat(started.await(5, TimeUnit.MINUTES)).isTrue();
            halfSubmitted = store.newId();
            Files.createDirectories(store.folder(halfSubmitted).resolve("input"));
        }
        Path unreadable = folder.resolve("fedcba9876543210");
        Files.createDirectories(unreadable);
        Files.writeString(unreadable.resolve("job.json"), "{not json");
        JobStore.Resumer resumer = (job, jobFolder) -> job.attribute("kind").orElseThrow().equals("resumable")
                ? Optional.of(writing("resumed in " + jobFolder.getFileName())) : Optional.empty();
        try (JobStore store = new JobStore(settings(2), resumer)) {
            Job error = store.job(failed).orElseThrow();
            assertThat(error.phase()).isEqualTo(UwsPhase.ERROR);
            assertThat(error.errorMessage().orElseThrow()).contains("interrupted by a server restart")
                    .contains("EXECUTING");
            Job done = await(store, resumed, UwsPhase.COMPLETED);
            assertThat(Files.readString(store.file(done, done.results().get(0)))).isEqualTo("resumed in " + resumed);
            assertThat(store.folder(halfSubmitted)).doesNotExist();
            assertThat(store.job("fedcba9876543210")).isEmpty();
            assertThat(unreadable.resolve("job.json")).exists();
        }
    }

    @Test
    void theJobFileIsReplacedWholeAndReadsBackEqual() throws IOException {
        Job job = Job.queued("0123456789abcdef", "test", java.time.Instant.parse("2026-01-02T03:04:05Z"),
                java.time.Instant.parse("2026-01-09T03:04:05Z"), Map.of("name", "x \"quoted\" ü"));
        assertThat(JobJson.fromJson(JobJson.toJson(job))).isEqualTo(job);
        Job ended = job.started(java.time.Instant.parse("2026-01-02T03:04:06Z"))
                .withProgress(new JobProgress("shards", 3, 10))
                .completed(java.time.Instant.parse("2026-01-02T03:05:00Z"), new JobOutcome(
                        List.of(new JobResult("a.npy", "out/a.npy", "application/octet-stream")), Map.of("rows", "5")));
        assertThat(JobJson.fromJson(JobJson.toJson(ended))).isEqualTo(ended);
        assertThatThrownBy(() -> JobJson.fromJson("{\"id\": 3}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Expected a job document");
    }
}
