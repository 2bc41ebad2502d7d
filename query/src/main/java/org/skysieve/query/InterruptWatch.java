package org.skysieve.query;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Cancels the DuckDB statement of a thread that is interrupted while it waits in DuckDB (a thread blocked in native
 * code does not see {@link Thread#interrupt}): an aborted async job, a query whose caller gave up. Polls every
 * {@value #PERIOD_MILLIS} ms (one daemon thread per engine; an idle poll looks at an empty map). The cancel is repeated
 * at each poll until the watch ends: an interrupt that comes between the start of the watch and the start of the
 * statement in DuckDB would otherwise be lost. Thread-safe.
 */
final class InterruptWatch implements AutoCloseable {
    private static final long PERIOD_MILLIS = 50;
    private final Map<Statement, Thread> watched = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "query-interrupt-watch");
        thread.setDaemon(true);
        return thread;
    });

    InterruptWatch() {
        poller.scheduleWithFixedDelay(this::cancelInterrupted, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Watches {@code statement} on behalf of the calling thread until the returned handle is closed. */
    Handle watch(Statement statement) {
        Thread caller = Thread.currentThread();
        watched.put(statement, caller);
        return () -> watched.remove(statement);
    }

    /** Ends one watch; closing never fails. */
    interface Handle extends AutoCloseable {
        @Override
        void close();
    }

    private void cancelInterrupted() {
        watched.forEach((statement, thread) -> {
            if (thread.isInterrupted() || !thread.isAlive()) {
                try {
                    statement.cancel();
                } catch (SQLException | RuntimeException ignored) {
                    // the statement ended meanwhile: nothing left to cancel
                }
            }
        });
    }

    /** Statements watched now (tests wait for a statement to be under way). */
    int watchedCount() {
        return watched.size();
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
