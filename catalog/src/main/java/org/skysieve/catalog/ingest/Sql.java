package org.skysieve.catalog.ingest;

/** Quoting for the SQL ingest generates. */
final class Sql {
    private Sql() {
    }

    /** A string literal. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** A quoted identifier. */
    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
