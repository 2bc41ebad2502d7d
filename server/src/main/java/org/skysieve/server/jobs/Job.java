package org.skysieve.server.jobs;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.skysieve.server.tap.UwsPhase;

/**
 * The state of one job of a {@link JobStore}, as kept in its folder ({@code job.json}). Immutable: every change makes a
 * new value.
 *
 * @param id               the identifier (16 lower-case hex digits)
 * @param kind             what kind of job ({@code cross-match}, {@code cutout}, {@code dataset}): the store's kind
 * @param phase            the UWS phase: QUEUED, EXECUTING, COMPLETED, ERROR or ABORTED (never PENDING: a job is
 *                         queued when created)
 * @param creationTime     when it was created
 * @param startTime        when it last started EXECUTING
 * @param endTime          when it reached its final phase
 * @param destructionTime  when it is deleted with its files (creation plus the store's retention)
 * @param progress         how far it is
 * @param results          the files it made (empty until COMPLETED)
 * @param errorMessage     why it failed or was aborted
 * @param attributes       facts recorded by the service at creation and by the work when it ends
 */
public record Job(String id, String kind, UwsPhase phase, Instant creationTime, Optional<Instant> startTime,
        Optional<Instant> endTime, Instant destructionTime, JobProgress progress, List<JobResult> results,
        Optional<String> errorMessage, Map<String, String> attributes) {
    public Job {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(phase, "phase is null");
        requireNonNull(creationTime, "creationTime is null");
        requireNonNull(startTime, "startTime is null");
        requireNonNull(endTime, "endTime is null");
        requireNonNull(destructionTime, "destructionTime is null");
        requireNonNull(progress, "progress is null");
        results = List.copyOf(requireNonNull(results, "results is null"));
        requireNonNull(errorMessage, "errorMessage is null");
        attributes = Map.copyOf(requireNonNull(attributes, "attributes is null"));
    }

    /** A job just created, QUEUED. */
    static Job queued(String id, String kind, Instant now, Instant destructionTime, Map<String, String> attributes) {
        return new Job(id, kind, UwsPhase.QUEUED, now, Optional.empty(), Optional.empty(), destructionTime,
                JobProgress.queued(), List.of(), Optional.empty(), attributes);
    }

    /** The result named {@code name}, if the job made one. */
    public Optional<JobResult> result(String name) {
        return results.stream().filter(result -> result.name().equals(name)).findFirst();
    }

    /** An attribute the service or the work recorded. */
    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    Job requeued() {
        return new Job(id, kind, UwsPhase.QUEUED, creationTime, startTime, Optional.empty(), destructionTime, progress,
                List.of(), Optional.empty(), attributes);
    }

    Job started(Instant now) {
        JobProgress next = progress.equals(JobProgress.queued()) ? new JobProgress("executing", 0, -1) : progress;
        return new Job(id, kind, UwsPhase.EXECUTING, creationTime, Optional.of(now), Optional.empty(),
                destructionTime, next, List.of(), Optional.empty(), attributes);
    }

    Job withProgress(JobProgress next) {
        return new Job(id, kind, phase, creationTime, startTime, endTime, destructionTime, next, results,
                errorMessage, attributes);
    }

    Job completed(Instant now, JobOutcome outcome) {
        Map<String, String> merged = new HashMap<>(attributes);
        merged.putAll(outcome.attributes());
        return new Job(id, kind, UwsPhase.COMPLETED, creationTime, startTime, Optional.of(now), destructionTime,
                progress, outcome.results(), Optional.empty(), merged);
    }

    Job ended(UwsPhase finalPhase, Instant now, String message) {
        return new Job(id, kind, finalPhase, creationTime, startTime, Optional.of(now), destructionTime, progress,
                List.of(), Optional.of(message), attributes);
    }
}
