package org.skysieve.query.translate;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * DuckDB SQL generated from a checked query, and the data files it reads (for tests and for the curious: a cone
 * search on a survey reads only the partitions the cone touches).
 */
public record TranslatedQuery(String sql, List<Path> filesRead) {
    public TranslatedQuery {
        requireNonNull(sql, "sql is null");
        filesRead = List.copyOf(filesRead);
    }
}
