package org.skysieve.datasets.spec;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/** Which objects a dataset holds: the rows of an ADQL query, or an uploaded table of positions. */
public sealed interface ObjectsSpec {
    /**
     * The rows of an ADQL query over the published surveys. The query's first table (the left-most of its FROM clause)
     * is the objects' own survey table: its columns come to the dataset row by row (joined on the id), other surveys'
     * by cross-match. Columns of the result other than the id and the position are kept as they are named.
     *
     * @param adql       the query text
     * @param idColumn   the result column holding the object's id; empty: the own table's id column
     * @param raColumn   the result column holding the right ascension (deg); empty: the own table's
     * @param decColumn  the result column holding the declination (deg); empty: the own table's
     */
    record Adql(String adql, Optional<String> idColumn, Optional<String> raColumn, Optional<String> decColumn) implements ObjectsSpec {
        public Adql {
            requireNonNull(adql, "adql is null");
            requireNonNull(idColumn, "idColumn is null");
            requireNonNull(raColumn, "raColumn is null");
            requireNonNull(decColumn, "decColumn is null");
        }
    }

    /**
     * An uploaded table (CSV with a header line, VOTable, FITS binary table or Parquet, from the file's suffix): a list of
     * positions, or a list of ids of a survey table ({@code survey} given: the positions are the table's, and that table
     * is the objects' own table, as for a query). Its other columns are kept as they are named.
     *
     * @param file       the table file (absolute: a relative path in the spec is resolved against the spec's folder)
     * @param idColumn   the column of unique object ids (with {@code survey}: ids of that survey's table)
     * @param raColumn   right ascension, deg (ICRS); unused with {@code survey}
     * @param decColumn  declination, deg (ICRS); unused with {@code survey}
     * @param survey     the survey whose ids the upload lists, or empty for a list of positions
     * @param table      that survey's table, or empty for its first
     * @param epoch      the epoch of uploaded positions (cross-matched surveys' proper motions bring their stars to
     *                   it), or empty: no proper-motion propagation; always empty with {@code survey}
     */
    record Upload(Path file, String idColumn, String raColumn, String decColumn, Optional<String> survey, Optional<String> table,
            Optional<Epoch> epoch) implements ObjectsSpec {
        public Upload {
            requireNonNull(file, "file is null");
            requireNonNull(idColumn, "idColumn is null");
            requireNonNull(raColumn, "raColumn is null");
            requireNonNull(decColumn, "decColumn is null");
            requireNonNull(survey, "survey is null");
            requireNonNull(table, "table is null");
            requireNonNull(epoch, "epoch is null");
        }

        /** A list of positions without an epoch. */
        public Upload(Path file, String idColumn, String raColumn, String decColumn) {
            this(file, idColumn, raColumn, decColumn, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** The epoch of uploaded positions, as a Julian year (e.g. 2016.0). */
    sealed interface Epoch {
        /** The earliest and latest Julian years taken as an epoch (anything else is a typo: 20160, 16.0). */
        double MIN_YEAR = 1000;
        double MAX_YEAR = 3000;

        /** One epoch for every object. */
        record Year(double julianYear) implements Epoch {
        }

        /** Each object's epoch from a numeric column of the upload (Julian years). */
        record FromColumn(String column) implements Epoch {
            public FromColumn {
                requireNonNull(column, "column is null");
            }
        }
    }
}
