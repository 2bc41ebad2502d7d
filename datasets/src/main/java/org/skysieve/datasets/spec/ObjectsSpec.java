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
     * An uploaded table (CSV with a header line, VOTable, FITS binary table or Parquet, from the file's suffix). Its
     * other columns are kept as they are named.
     *
     * @param file       the table file (absolute: a relative path in the spec is resolved against the spec's folder)
     * @param idColumn   the column of unique object ids
     * @param raColumn   right ascension, deg (ICRS)
     * @param decColumn  declination, deg (ICRS)
     */
    record Upload(Path file, String idColumn, String raColumn, String decColumn) implements ObjectsSpec {
        public Upload {
            requireNonNull(file, "file is null");
            requireNonNull(idColumn, "idColumn is null");
            requireNonNull(raColumn, "raColumn is null");
            requireNonNull(decColumn, "decColumn is null");
        }
    }
}
