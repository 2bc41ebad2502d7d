package org.skysieve.server.tap;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The state of one async TAP job, as stored in its folder ({@code job.json}) and shown as a UWS 1.1 job document.
 * Immutable: every change makes a new value.
 *
 * @param jobId                    the identifier (URL-safe)
 * @param runId                    the client's RUNID, if given
 * @param phase                    the UWS phase
 * @param creationTime             when the job was created
 * @param startTime                when it started EXECUTING
 * @param endTime                  when it reached a final phase
 * @param executionDurationSeconds the time allowed to run (0 = unlimited is never used: the configured maximum applies)
 * @param destruction              when the job and its result are deleted
 * @param parameters               the TAP parameters, names upper-cased (uploads refer to files in the job folder)
 * @param errorMessage             why the job failed or was aborted
 * @param resultRows               rows in the result, when COMPLETED
 * @param resultOverflow           whether the result was cut at MAXREC
 */
public record UwsJob(
        String jobId,
        Optional<String> runId,
        UwsPhase phase,
        Instant creationTime,
        Optional<Instant> startTime,
        Optional<Instant> endTime,
        long executionDurationSeconds,
        Instant destruction,
        Map<String, String> parameters,
        Optional<String> errorMessage,
        Optional<Long> resultRows,
        boolean resultOverflow) {

    public UwsJob {
        requireNonNull(jobId, "jobId is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(phase, "phase is null");
        requireNonNull(creationTime, "creationTime is null");
        requireNonNull(startTime, "startTime is null");
        requireNonNull(endTime, "endTime is null");
        requireNonNull(destruction, "destruction is null");
        parameters = Map.copyOf(requireNonNull(parameters, "parameters is null"));
        requireNonNull(errorMessage, "errorMessage is null");
        requireNonNull(resultRows, "resultRows is null");
    }

    public UwsJob withPhase(UwsPhase newPhase) {
        return new UwsJob(jobId, runId, newPhase, creationTime, startTime, endTime, executionDurationSeconds, destruction,
                parameters, errorMessage, resultRows, resultOverflow);
    }

    public UwsJob started(Instant now) {
        return new UwsJob(jobId, runId, UwsPhase.EXECUTING, creationTime, Optional.of(now), endTime, executionDurationSeconds,
                destruction, parameters, errorMessage, resultRows, resultOverflow);
    }

    public UwsJob completed(Instant now, long rows, boolean overflow) {
        return new UwsJob(jobId, runId, UwsPhase.COMPLETED, creationTime, startTime, Optional.of(now), executionDurationSeconds,
                destruction, parameters, errorMessage, Optional.of(rows), overflow);
    }

    public UwsJob failed(UwsPhase finalPhase, Instant now, String message) {
        return new UwsJob(jobId, runId, finalPhase, creationTime, startTime, Optional.of(now), executionDurationSeconds,
                destruction, parameters, Optional.of(message), resultRows, resultOverflow);
    }

    public UwsJob withExecutionDuration(long seconds) {
        return new UwsJob(jobId, runId, phase, creationTime, startTime, endTime, seconds, destruction, parameters,
                errorMessage, resultRows, resultOverflow);
    }

    public UwsJob withDestruction(Instant time) {
        return new UwsJob(jobId, runId, phase, creationTime, startTime, endTime, executionDurationSeconds, time, parameters,
                errorMessage, resultRows, resultOverflow);
    }

    public UwsJob withParameters(Map<String, String> newParameters) {
        return new UwsJob(jobId, runId, phase, creationTime, startTime, endTime, executionDurationSeconds, destruction,
                newParameters, errorMessage, resultRows, resultOverflow);
    }
}
