package org.skysieve.query.tree;

/**
 * Where a node starts in the ADQL text: line from 1, column from 1 (characters, tabs count as one).
 * {@link #SYNTHETIC} marks nodes made by rewrite rules rather than written by the user.
 */
public record Position(int line, int column) {
    public static final Position SYNTHETIC = new Position(0, 0);

    public Position {
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("Expected line and column >= 0. Actual: " + line + ":" + column);
        }
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
