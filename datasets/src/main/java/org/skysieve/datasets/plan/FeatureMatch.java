package org.skysieve.datasets.plan;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.skysieve.catalog.hats.HatsCatalog;
import org.skysieve.xmatch.Column;
import org.skysieve.xmatch.HatsSide;
import org.skysieve.xmatch.LoadedTable;
import org.skysieve.xmatch.MatchMode;
import org.skysieve.xmatch.MatchSpec;
import org.skysieve.xmatch.MemorySide;
import org.skysieve.xmatch.PartitionedMatcher;
import org.skysieve.xmatch.PositionColumns;
import org.skysieve.xmatch.SideBySide;

/**
 * One feature group's cross-match, as the planner asks it: each object's best counterpart in a survey table within a
 * radius, the survey's stars moved by their proper motions to the objects' epoch when both are known. Plain values
 * only (Serializable), so that the match can be run where the objects are sent (a Spark task).
 *
 * @param surveyName        the survey, the prefix of the gathered columns ({@code SURVEY_column})
 * @param qualifiedName     {@code survey.table}, for messages
 * @param catalogueFolder   the table's HATS catalogue folder (a local path)
 * @param raColumn          the table's right ascension column
 * @param decColumn         its declination column
 * @param pmraColumn        its proper motion in RA column, or "" to match positions as they are
 * @param pmdecColumn       its proper motion in Dec column, or ""
 * @param surveyEpochYear   the epoch of the table's positions (used with proper motions)
 * @param objectsEpochYear  the epoch of the objects' positions (used with proper motions)
 * @param gatheredNames     the table's columns to carry
 * @param radiusArcsec      the match radius
 */
public record FeatureMatch(String surveyName, String qualifiedName, String catalogueFolder, String raColumn,
        String decColumn, String pmraColumn, String pmdecColumn, double surveyEpochYear, double objectsEpochYear,
        List<String> gatheredNames, double radiusArcsec) implements Serializable {
    private static final long serialVersionUID = 1L;

    public FeatureMatch {
        requireNonNull(surveyName, "surveyName is null");
        requireNonNull(qualifiedName, "qualifiedName is null");
        requireNonNull(catalogueFolder, "catalogueFolder is null");
        requireNonNull(raColumn, "raColumn is null");
        requireNonNull(decColumn, "decColumn is null");
        requireNonNull(pmraColumn, "pmraColumn is null");
        requireNonNull(pmdecColumn, "pmdecColumn is null");
        gatheredNames = List.copyOf(gatheredNames);
    }

    /** The survey's positions, moved to the objects' epoch when the table has proper motions. */
    PositionColumns surveyPositions() {
        PositionColumns positions = PositionColumns.of(raColumn, decColumn);
        if (!pmraColumn.isEmpty()) {
            positions = positions.withProperMotion(new PositionColumns.ProperMotionColumns(pmraColumn, pmdecColumn,
                    surveyEpochYear), objectsEpochYear);
        }
        return positions;
    }

    /**
     * The match on this machine ({@link PartitionedMatcher}: one survey partition and its margins in memory at a time).
     * The best counterpart of an object depends only on the survey rows within the radius of it, so matching any subset
     * of the objects gives, for those objects, the values matching all of them gives.
     *
     * @param objects  {@link SideBySide#ROW_COLUMN} (0 to n-1: where each object's values go), {@code ra}, {@code dec}
     * @return the {@link SideBySide} columns ({@code SURVEY_column}, then {@code SURVEY_separation_arcsec} and
     *         {@code SURVEY_candidates}), one value per object in {@code ROW_COLUMN} order
     */
    public List<Column> onOneMachine(LoadedTable objects) {
        PositionColumns objectPositions = PositionColumns.of("ra", "dec");
        SideBySide gathered = new SideBySide(surveyName, gatheredNames, objects.rowCount());
        try (HatsSide survey = new HatsSide(HatsCatalog.open(Path.of(catalogueFolder)), "survey:" + qualifiedName)) {
            PartitionedMatcher.match(new PartitionedMatcher.Side(new MemorySide(objects, objectPositions), objectPositions,
                    List.of(SideBySide.ROW_COLUMN, "ra", "dec")), new PartitionedMatcher.Side(survey, surveyPositions(),
                    gatheredNames), MatchSpec.of(MatchMode.BEST, radiusArcsec), gathered);
        }
        return gathered.columns();
    }
}
