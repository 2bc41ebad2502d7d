package org.skysieve.datasets.plan;

import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.datasets.spec.CheckedSpec;
import org.skysieve.datasets.spec.LabelSpec;

/**
 * Labels from a synthetic sky's truth into the table {@code labels} ({@code row_index}, {@code label}): the object's
 * catalogue row (its id in the own survey) is looked up in {@code truth/observations.parquet}, which says which true
 * source became which row; when several did (blends), the primary one (the brighter, whose measurement it is), then
 * the smallest true_id. The label is that source's column in {@code truth/sources.parquet}; null for a row no true
 * source became (a spurious detection).
 */
final class TruthLabels {
    private TruthLabels() {
    }

    static void label(CheckedSpec checked, LabelSpec.FromTruth truth, Archive archive, PlanDatabase database) {
        String survey = checked.ownTable().orElseThrow().surveyName();
        String observations = PlanDatabase.literal(archive.layout().truthObservations());
        String sources = PlanDatabase.literal(archive.layout().truthSources());
        database.execute("CREATE OR REPLACE TABLE labels AS"
                + " WITH links AS (SELECT source_id, true_id, bool_or(is_primary) AS is_primary FROM read_parquet(" + observations + ")"
                + " WHERE survey = " + SqlText.literal(survey) + " AND source_id IS NOT NULL GROUP BY source_id, true_id),"
                + " chosen AS (SELECT source_id, true_id FROM (SELECT source_id, true_id, row_number() OVER (PARTITION BY source_id"
                + " ORDER BY is_primary DESC, true_id) AS n FROM links) WHERE n = 1)"
                + " SELECT o.row_index, s." + SqlText.identifier(truth.column()) + " AS label FROM objects o"
                + " LEFT JOIN chosen c ON c.source_id = o.object_key LEFT JOIN read_parquet(" + sources + ") s ON s.true_id = c.true_id"
                + " ORDER BY o.row_index");
    }
}
