package org.skysieve.catalog.duckdb;

import static java.util.Objects.requireNonNull;

/**
 * Quoting for SQL text built by skysieve (never from user text): string literals and identifiers in DuckDB syntax.
 * Stateless and thread-safe.
 */
public final class SqlText {
    private SqlText() {
    }

    /** {@code 'text'} with embedded quotes doubled. Rejects NUL, which DuckDB cannot carry in a literal. */
    public static String literal(String text) {
        requireNonNull(text, "text is null");
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("Expected a SQL string without NUL characters. Actual: " + text.replace('\0', '?'));
        }
        return "'" + text.replace("'", "''") + "'";
    }

    /** {@code "name"} with embedded double quotes doubled. */
    public static String identifier(String name) {
        requireNonNull(name, "name is null");
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("Expected a non-empty SQL identifier without NUL characters. Actual: '" + name + "'");
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
