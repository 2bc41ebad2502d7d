package org.skysieve.query.translate;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * DuckDB SQL generated from a checked query, and the data files it reads (for tests and for the curious: a cone
 * search on a survey reads only the partitions the cone touches).
 *
 * @param parameters the values of the SQL's parameters {@code $1, $2, ...} in order (Long or Double); empty when the
 *                   SQL has literals only ({@link Translation#toDuckDb})
 */
public record TranslatedQuery(String sql, List<Path> filesRead, List<Object> parameters) {
    public TranslatedQuery {
        requireNonNull(sql, "sql is null");
        filesRead = List.copyOf(filesRead);
        parameters = List.copyOf(parameters);
    }

    /** SQL with literals only. */
    public TranslatedQuery(String sql, List<Path> filesRead) {
        this(sql, filesRead, List.of());
    }
}
