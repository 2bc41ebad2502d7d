package org.skysieve.datasets.spec;

import static java.util.Objects.requireNonNull;

/**
 * A column computed from other columns of the dataset.
 *
 * @param name        the column's name (letters, digits and _, starting with a letter)
 * @param expression  an ADQL value expression over the dataset's columns (the objects' kept columns, the features
 *                    {@code SURVEY_column} and earlier derived columns), e.g. {@code deep_optical_mag_g - deep_optical_mag_r}
 */
public record DerivedColumn(String name, String expression) {
    public DerivedColumn {
        requireNonNull(name, "name is null");
        requireNonNull(expression, "expression is null");
    }
}
