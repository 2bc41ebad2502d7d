package org.skysieve.datasets.spec;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * Columns of one survey table brought to every object, named {@code SURVEY_column}.
 *
 * @param survey    the survey's name
 * @param table     its table; empty: the survey's first published table
 * @param columns   the table's columns to bring, in order; empty: every band measurement (magnitude) of the table
 * @param join      how an object finds its row in this table
 * @param statuses  whether each band measurement among {@code columns} is followed by its {@code _status} and
 *                  {@code _limit} (why it has or lacks a value)
 */
public record FeatureSpec(String survey, Optional<String> table, List<String> columns, FeatureJoin join, boolean statuses) {
    public FeatureSpec {
        requireNonNull(survey, "survey is null");
        requireNonNull(table, "table is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(join, "join is null");
    }
}
