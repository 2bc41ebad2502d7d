package org.skysieve.server.datalink;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The DataLink identifier of one catalogue row: {@code ivo://skysieve/SURVEY?ROWID} (the survey's first table, its main
 * catalogue) or {@code ivo://skysieve/SURVEY/TABLE?ROWID}, ROWID being the value of the table's id column (for the
 * synthetic wide_infrared survey, {@code cntr}). The simpler {@code SURVEY?ROWID} and {@code SURVEY/TABLE?ROWID} are
 * accepted too.
 *
 * @param survey the survey name
 * @param table  the table name, or null for the survey's first table
 * @param rowId  the row's id, as text
 */
record SourceIdentifier(String survey, String table, String rowId) {
    static final String AUTHORITY_PREFIX = "ivo://skysieve/";

    SourceIdentifier {
        requireNonNull(survey, "survey is null");
        requireNonNull(rowId, "rowId is null");
    }

    /** The identifier, or empty (the caller reports the expected form) when {@code text} is not of this form. */
    static Optional<SourceIdentifier> parse(String text) {
        String rest = text.trim();
        if (rest.startsWith(AUTHORITY_PREFIX)) {
            rest = rest.substring(AUTHORITY_PREFIX.length());
        } else if (rest.contains("://")) {
            return Optional.empty();
        }
        int question = rest.indexOf('?');
        if (question <= 0 || question == rest.length() - 1) {
            return Optional.empty();
        }
        String path = rest.substring(0, question);
        String rowId = rest.substring(question + 1);
        String[] parts = path.split("/", -1);
        if (parts.length > 2 || parts[0].isEmpty() || (parts.length == 2 && parts[1].isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new SourceIdentifier(parts[0], parts.length == 2 ? parts[1] : null, rowId));
    }

    /** The canonical form, {@code ivo://skysieve/SURVEY/TABLE?ROWID}. */
    static String canonical(String survey, String table, String rowId) {
        return AUTHORITY_PREFIX + survey + "/" + table + "?" + rowId;
    }
}
