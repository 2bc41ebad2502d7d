package org.skysieve.datasets.spec;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The dataset's {@code label} column and how classes are balanced.
 *
 * @param source   where the label comes from
 * @param balance  how to sample the rows per label value; empty: every row kept
 */
public record LabelSpec(Source source, Optional<Balance> balance) {
    public LabelSpec {
        requireNonNull(source, "source is null");
        requireNonNull(balance, "balance is null");
    }

    /** Where a label comes from. */
    public sealed interface Source {
    }

    /** A column of the dataset (an objects' column, a feature {@code SURVEY_column} or a derived column). */
    public record FromColumn(String column) implements Source {
        public FromColumn {
            requireNonNull(column, "column is null");
        }
    }

    /** An ADQL value expression over the dataset's columns, as a derived column. */
    public record FromExpression(String expression) implements Source {
        public FromExpression {
            requireNonNull(expression, "expression is null");
        }
    }

    /**
     * A column of the synthetic sky's truth ({@code truth/sources.parquet}, e.g. {@code class}) of the true source each
     * object's catalogue row came from ({@code truth/observations.parquet}); objects from ADQL only.
     */
    public record FromTruth(String column) implements Source {
        public FromTruth {
            requireNonNull(column, "column is null");
        }
    }

    /**
     * Seeded sampling per label value (rows without a label are dropped when balancing).
     *
     * @param perClass  at most this many rows per label value; empty: as many as the rarest value has (equal classes)
     */
    public record Balance(Optional<Long> perClass) {
        public Balance {
            requireNonNull(perClass, "perClass is null");
        }
    }
}
