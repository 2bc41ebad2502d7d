package org.skysieve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.PublishedSurvey;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.tap.TapMetadata;
import org.skysieve.query.QueryEngine;
import org.skysieve.query.QueryOptions;
import org.skysieve.query.QueryResult;
import org.skysieve.xmatch.NeighbourRadius;

/**
 * {@code skysieve generate} builds a best-neighbour table for every ordered pair of surveys, listed in the TAP metadata (VOSI tables, TAP_SCHEMA) with its flag bits, and
 * queryable in ADQL: joined to the neighbour survey, each stored distance equals ADQL's own DISTANCE between the two
 * catalogue positions (surveys without proper motions) and lies within the radius chosen from the surveys' errors.
 */
class NeighbourTablesInAdqlTest {
    private static final QueryOptions OPTIONS = QueryOptions.of(1_000_000, Duration.ofMinutes(1));

    @TempDir
    Path data;

    @Test
    void everyPairIsPublishedAndItsDistancesAgreeWithAdql() throws Exception {
        CommandLineTest.Captured captured = CommandLineTest.capture("generate", "--out", data.toString(), "--scale", "tiny", "--seed", "5");
        assertThat(captured.exitCode()).as(captured.err()).isZero();
        assertThat(captured.out()).contains("best-neighbour tables: 12");
        Archive archive = Archive.open(data);
        List<String> surveys = archive.surveys().stream().map(s -> s.survey().name()).toList();
        assertThat(surveys).hasSize(4);
        try (QueryEngine engine = QueryEngine.open(archive)) {
            // what VOSI tables and TAP_SCHEMA list
            List<String> listed = new ArrayList<>();
            for (TapMetadata.Table table : TapMetadata.of(archive).tables()) {
                if (table.qualifiedName().contains(".best_neighbour_")) {
                    listed.add(table.qualifiedName());
                    assertThat(table.columns()).anySatisfy(column -> {
                        assertThat(column.name()).isEqualTo("xm_flag");
                        assertThat(column.flags()).isPresent();
                    });
                }
            }
            assertThat(listed).hasSize(12);
            long checked = 0;
            for (String survey : surveys) {
                for (String other : surveys) {
                    if (survey.equals(other)) {
                        continue;
                    }
                    assertThat(listed).contains(survey + ".best_neighbour_" + other);
                    if (survey.equals("astrometric") || other.equals("astrometric")) {
                        continue; // positions moved to a common epoch: the stored distance is not between catalogue positions
                    }
                    checked += checkDistances(engine, archive, survey, other);
                }
            }
            assertThat(checked).isPositive();
        }
    }

    private static long checkDistances(QueryEngine engine, Archive archive, String survey, String other) throws Exception {
        CatalogTable source = table(archive, survey);
        CatalogTable neighbour = table(archive, other);
        double radiusArcsec = NeighbourRadius.arcsec(archive, survey, other);
        String adql = "SELECT b.angular_distance, DISTANCE(POINT('ICRS', b." + source.raColumn() + ", b." + source.decColumn() + "), POINT('ICRS', n."
                + neighbour.raColumn() + ", n." + neighbour.decColumn() + ")) * 3600 AS adql_arcsec, b.number_of_neighbours"
                + " FROM " + survey + ".best_neighbour_" + other + " AS b JOIN " + other + "." + neighbour.name() + " AS n ON n."
                + neighbour.idColumn() + " = b.neighbour_id";
        long rows = 0;
        try (QueryResult result = engine.execute(adql, OPTIONS)) {
            while (result.next()) {
                double stored = result.rows().getDouble(1);
                assertThat(stored).as(adql).isCloseTo(result.rows().getDouble(2), org.assertj.core.data.Offset.offset(1e-6))
                        .isLessThanOrEqualTo(radiusArcsec);
                assertThat(result.rows().getInt(3)).isPositive();
                rows++;
            }
        }
        assertThat(rows).as(survey + " -> " + other).isPositive();
        return rows;
    }

    private static CatalogTable table(Archive archive, String survey) {
        PublishedSurvey published = archive.survey(survey).orElseThrow();
        return published.tables().get(0).table();
    }
}
