package org.skysieve.server.jobs;

/**
 * The work of one job. It writes only inside {@link JobContext#folder()}, reports progress through the context, and
 * stops early (with any exception) when {@link JobContext#cancelled()} turns true or its thread is interrupted.
 */
@FunctionalInterface
public interface JobWork {
    JobOutcome run(JobContext context) throws Exception;
}
