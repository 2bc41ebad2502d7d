package org.skysieve.query;

import static java.util.Objects.requireNonNull;

import org.skysieve.query.tree.Position;

/**
 * A query the service refuses, with where and why. The message reads {@code error at LINE:COLUMN: what} when the
 * position is known. The {@link Kind} lets one place (the TAP error mapper, the command line) choose the protocol
 * form; every kind is the user's error except {@link Kind#EXECUTION}, which may be either.
 */
public final class AdqlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a query was refused. */
    public enum Kind {
        /** The text is not ADQL 2.1 (grammar, or a standard function called with the wrong number of arguments). */
        SYNTAX,
        /** A table, column or function that is not published or not known. */
        UNKNOWN_NAME,
        /** A column name that two tables of the FROM clause both have, used without a qualifier. */
        AMBIGUOUS_NAME,
        /** Valid ADQL that this service does not run (e.g. a geometry it cannot evaluate). */
        UNSUPPORTED,
        /** A limit was hit (nesting depth, literal size, time). */
        LIMIT,
        /** The database failed while running the query. */
        EXECUTION
    }

    private final Kind kind;
    private final Position position;
    private final String detail;

    public AdqlException(Kind kind, Position position, String detail) {
        super(format(position, detail));
        this.kind = requireNonNull(kind, "kind is null");
        this.position = requireNonNull(position, "position is null");
        this.detail = requireNonNull(detail, "detail is null");
    }

    public AdqlException(Kind kind, Position position, String detail, Throwable cause) {
        this(kind, position, detail);
        initCause(cause);
    }

    private static String format(Position position, String detail) {
        return position.equals(Position.SYNTHETIC) ? "error: " + detail : "error at " + position + ": " + detail;
    }

    public Kind kind() {
        return kind;
    }

    /** Where in the ADQL text; {@link Position#SYNTHETIC} when the problem has no single place. */
    public Position position() {
        return position;
    }

    /** The message without the position prefix. */
    public String detail() {
        return detail;
    }
}
