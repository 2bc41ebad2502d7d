package org.skysieve.query.tree;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * A name as written: a regular identifier (compared case-insensitively, as ADQL says) or a delimited one
 * ({@code "c""ho"}, stored without the quotes and with the doubled quote undone; compared exactly).
 */
public record Identifier(String name, boolean delimited) {
    public Identifier {
        requireNonNull(name, "name is null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Identifier is empty");
        }
    }

    public static Identifier regular(String name) {
        return new Identifier(name, false);
    }

    /** Whether this identifier names {@code stored} (a column or table name as published). */
    public boolean matches(String stored) {
        return delimited ? name.equals(stored) : name.equalsIgnoreCase(stored);
    }

    /** The name for case-insensitive lookups. */
    public String folded() {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return delimited ? '"' + name.replace("\"", "\"\"") + '"' : name;
    }
}
