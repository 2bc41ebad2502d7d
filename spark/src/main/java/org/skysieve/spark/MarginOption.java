package org.skysieve.spark;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * Which margin cache of the right catalogue a cross-match may use: the one found beside the catalogue (the default), a
 * given one, or none (every piece reads the right partitions around it). A margin cache is used only when its threshold
 * covers the match's margin; otherwise the job falls back and says why ({@link MarginCaches}).
 *
 * @param kind     where to look
 * @param location the margin catalogue folder for {@link Kind#AT}, else empty
 */
public record MarginOption(Kind kind, String location) implements Serializable {
    public enum Kind {
        /** A folder beside the right catalogue whose hats.properties says margin of it (the smallest sufficient threshold). */
        BESIDE,
        /** The folder given. */
        AT,
        /** No margin cache. */
        NONE
    }

    public MarginOption {
        requireNonNull(kind, "kind is null");
        requireNonNull(location, "location is null");
        if (kind == Kind.AT == location.isEmpty()) {
            throw new IllegalArgumentException("Expected a location with AT only. Actual: " + kind + " with '" + location + "'");
        }
    }

    public static MarginOption beside() {
        return new MarginOption(Kind.BESIDE, "");
    }

    public static MarginOption none() {
        return new MarginOption(Kind.NONE, "");
    }

    public static MarginOption at(String location) {
        return new MarginOption(Kind.AT, location);
    }

    /** {@code none}, or a folder; null means beside (the command line's default). */
    public static MarginOption parse(String text) {
        return text == null || text.isBlank() ? beside() : text.equals("none") ? none() : at(text);
    }
}
