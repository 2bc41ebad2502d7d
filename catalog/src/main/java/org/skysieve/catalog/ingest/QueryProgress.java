package org.skysieve.catalog.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBPreparedStatement;

/** Runs one long DuckDB statement, telling the progress meter its percentage every ~2 s. */
final class QueryProgress {
    private QueryProgress() {
    }

    static void execute(Connection connection, String sql, String what, ProgressMeter progress) throws SQLException {
        try (DuckDBPreparedStatement statement = connection.prepareStatement(sql).unwrap(DuckDBPreparedStatement.class)) {
            ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "ingest-progress");
                thread.setDaemon(true);
                return thread;
            });
            poller.scheduleAtFixedRate(() -> {
                try {
                    double percentage = statement.getQueryProgress().getPercentage();
                    if (percentage >= 0) {
                        progress.say(String.format(Locale.ROOT, "%s: %.0f%% read after %.1f s", what, percentage, progress.elapsedNanos() / 1e9));
                    }
                } catch (SQLException | RuntimeException ignored) {
                    // progress is best effort: the statement may have just finished
                }
            }, 2, 2, TimeUnit.SECONDS);
            try {
                statement.execute();
            } finally {
                poller.shutdownNow();
            }
        }
    }
}
