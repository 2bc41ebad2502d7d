package org.skysieve.xmatch;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.ArchiveLayout;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.catalog.hats.HatsCatalogWriter;
import org.skysieve.catalog.hats.HatsWriteOptions;
import org.skysieve.catalog.model.CatalogTable;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.catalog.model.FlagBit;
import org.skysieve.catalog.model.FlagDictionary;
import org.skysieve.catalog.model.Survey;
import org.skysieve.catalog.model.SurveyJson;

/**
 * Precomputed best neighbours between two published surveys, in the manner of the Gaia archive's
 * {@code *_best_neighbour} tables: for every source of the first survey with a neighbour of the second within the
 * radius, its nearest one. Published as the HATS catalogue {@code best_neighbour_<other>} of the first survey (so
 * {@code <survey>.best_neighbour_<other>} in ADQL) and documented in its survey.json, column by column and bit by bit.
 *
 * <p>Positions of a survey with proper motions are moved to the other survey's epoch first. The match runs partition by
 * partition with margins (memory: one partition and its margins); the pairs are staged on disk and the number of
 * mates (other sources with the same best neighbour) is counted over the whole sky in DuckDB.
 */
public final class BestNeighbourTables {
    public static final String TABLE_PREFIX = "best_neighbour_";
    public static final FlagDictionary FLAGS = new FlagDictionary(List.of(
            new FlagBit(0, "not_mutual", "The neighbour's own nearest source in this survey is another source."),
            new FlagBit(1, "several_neighbours", "More than one neighbour lies within the radius (number_of_neighbours > 1)."),
            new FlagBit(2, "shared_neighbour", "Other sources have the same best neighbour (number_of_mates > 0)."),
            new FlagBit(3, "epoch_propagated", "Positions were moved along their proper motions to a common epoch before matching.")));

    private BestNeighbourTables() {
    }

    /** What one build did. */
    public record Summary(String survey, String neighbourSurvey, String tableName, long rows, double radiusArcsec, double seconds) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%s.%s: %,d best neighbours in %s within %.3g arcsec (%.1f s)", survey, tableName, rows,
                    neighbourSurvey, radiusArcsec, seconds);
        }
    }

    /** Builds and publishes {@code survey.best_neighbour_<neighbourSurvey>} in the data folder {@code data}. */
    public static Summary build(Path data, String survey, String neighbourSurvey, double radiusArcsec) {
        requireNonNull(data, "data is null");
        long start = System.nanoTime();
        MatchInputs.ResolvedSide left = MatchInputs.resolve("survey:" + survey, Optional.of(data), Optional.empty());
        MatchInputs.ResolvedSide right = MatchInputs.resolve("survey:" + neighbourSurvey, Optional.of(data), Optional.empty());
        String tableName = TABLE_PREFIX + neighbourSurvey;
        ArchiveLayout layout = new ArchiveLayout(data);
        Survey surveyModel = SurveyJson.read(layout.surveyFile(survey));
        Survey neighbourModel = SurveyJson.read(layout.surveyFile(neighbourSurvey));
        CatalogTable sourceTable = surveyModel.tables().get(0);
        CatalogTable neighbourTable = neighbourModel.tables().get(0);
        PositionColumns leftPositions = atEpoch(left.positions(), neighbourModel.epochYear());
        PositionColumns rightPositions = atEpoch(right.positions(), surveyModel.epochYear());
        boolean propagated = leftPositions.targetEpochYear().isPresent() || rightPositions.targetEpochYear().isPresent();
        String leftId = sourceTable.idColumn();
        String rightId = neighbourTable.idColumn();
        try {
            Path staging = Files.createTempDirectory(data, ".neighbours-");
            try {
                Path best = staging.resolve("best.csv");
                Path mutual = staging.resolve("mutual.csv");
                List<String> leftColumns = List.of(leftId, sourceTable.raColumn(), sourceTable.decColumn());
                try (PairCsv sink = new PairCsv(best, leftColumns, rightId)) {
                    PartitionedMatcher.match(new PartitionedMatcher.Side(left.rows(), leftPositions, leftColumns),
                            new PartitionedMatcher.Side(right.rows(), rightPositions, List.of(rightId)), MatchSpec.of(MatchMode.BEST, radiusArcsec), sink);
                }
                try (PairCsv sink = new PairCsv(mutual, List.of(leftId), rightId)) {
                    PartitionedMatcher.match(new PartitionedMatcher.Side(left.rows(), leftPositions, List.of(leftId)),
                            new PartitionedMatcher.Side(right.rows(), rightPositions, List.of(rightId)), MatchSpec.of(MatchMode.SYMMETRIC, radiusArcsec), sink);
                }
                CatalogTable table = table(tableName, sourceTable, neighbourTable, neighbourSurvey, radiusArcsec);
                Path parquet = staging.resolve("best_neighbour.parquet");
                stage(best, mutual, parquet, table, propagated);
                long rows = HatsCatalogWriter.write(parquet, table, survey, HatsWriteOptions.defaults(), layout.catalogueFolder(survey, tableName));
                publish(layout, survey, table);
                return new Summary(survey, neighbourSurvey, tableName, rows, radiusArcsec, (System.nanoTime() - start) / 1e9);
            } finally {
                org.skysieve.catalog.archive.Folders.deleteRecursively(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not build " + survey + "." + tableName + ": " + e.getMessage(), e);
        } finally {
            closeSide(left);
            closeSide(right);
        }
    }

    /** Every ordered pair of the published surveys (those tables themselves excepted), all within {@code radiusArcsec}. */
    public static List<Summary> buildAll(Path data, double radiusArcsec) {
        return buildAll(data, Optional.of(radiusArcsec), summary -> { });
    }

    /**
     * Every ordered pair of the published surveys, each within {@code radiusArcsec} or, when empty, within the radius
     * {@link NeighbourRadius} chooses from the pair's astrometric errors; {@code progress} hears of each table built.
     */
    public static List<Summary> buildAll(Path data, Optional<Double> radiusArcsec, java.util.function.Consumer<Summary> progress) {
        Archive archive = Archive.open(data);
        List<String> names = archive.surveys().stream().map(s -> s.survey().name()).toList();
        List<Summary> summaries = new ArrayList<>();
        for (String survey : names) {
            for (String other : names) {
                if (!survey.equals(other)) {
                    double radius = radiusArcsec.orElseGet(() -> NeighbourRadius.arcsec(archive, survey, other));
                    Summary summary = build(data, survey, other, radius);
                    progress.accept(summary);
                    summaries.add(summary);
                }
            }
        }
        return summaries;
    }

    private static PositionColumns atEpoch(PositionColumns positions, double otherEpochYear) {
        if (positions.properMotion().isPresent() && positions.properMotion().get().epochYear() != otherEpochYear) {
            return positions.withProperMotion(positions.properMotion().get(), otherEpochYear);
        }
        return positions;
    }

    public static CatalogTable table(String tableName, CatalogTable source, CatalogTable neighbour, String neighbourSurvey, double radiusArcsec) {
        ColumnDoc sourceId = source.column(source.idColumn()).orElseThrow();
        ColumnDoc neighbourId = neighbour.column(neighbour.idColumn()).orElseThrow();
        return new CatalogTable(tableName, "Best neighbour in " + neighbourSurvey + " of each source, within " + radiusArcsec
                + " arcsec (precomputed cross-match).", source.raColumn(), source.decColumn(), sourceId.name(), List.of(
                ColumnDoc.of(sourceId.name(), sourceId.type(), "", "meta.id;meta.main", "The source (" + sourceId.description() + ")."),
                ColumnDoc.of(source.raColumn(), ColumnType.DOUBLE, "deg", "pos.eq.ra;meta.main", "Right ascension of the source, as in its catalogue."),
                ColumnDoc.of(source.decColumn(), ColumnType.DOUBLE, "deg", "pos.eq.dec;meta.main", "Declination of the source, as in its catalogue."),
                ColumnDoc.of("neighbour_id", neighbourId.type(), "", "meta.id.cross", "Identifier (" + neighbour.idColumn() + ") of the nearest "
                        + neighbourSurvey + " source within the radius."),
                ColumnDoc.of("angular_distance", ColumnType.DOUBLE, "arcsec", "pos.angDistance", "Great-circle distance between the source and its"
                        + " neighbour (after moving positions to a common epoch when proper motions are known)."),
                ColumnDoc.of("number_of_neighbours", ColumnType.INT, "", "meta.number", "Number of " + neighbourSurvey + " sources within the radius."),
                ColumnDoc.of("number_of_mates", ColumnType.INT, "", "meta.number", "Number of other sources with the same best neighbour."),
                ColumnDoc.of("xm_flag", ColumnType.INT, "", "meta.code", "Cross-match flags.").withFlags(FLAGS)));
    }

    private static void stage(Path best, Path mutual, Path parquet, CatalogTable table, boolean propagated) throws IOException {
        List<ColumnDoc> columns = table.columns();
        String sourceId = columns.get(0).name();
        String sql = "COPY (WITH best AS (SELECT * FROM read_csv(" + SqlText.literal(best.toString()) + ", header = true, all_varchar = true)),"
                + " mutual AS (SELECT * FROM read_csv(" + SqlText.literal(mutual.toString()) + ", header = true, all_varchar = true)),"
                + " counted AS (SELECT best.*, (count(*) OVER (PARTITION BY best.neighbour_id)) - 1 AS mates,"
                + " mutual.neighbour_id IS NULL AS not_mutual FROM best LEFT JOIN mutual"
                + " ON best.left_0 = mutual.left_0 AND best.neighbour_id = mutual.neighbour_id)"
                + " SELECT CAST(left_0 AS " + columns.get(0).type().sqlType() + ") AS " + quote(sourceId) + ","
                + " CAST(left_1 AS DOUBLE) AS " + quote(columns.get(1).name()) + ", CAST(left_2 AS DOUBLE) AS " + quote(columns.get(2).name()) + ","
                + " CAST(neighbour_id AS " + columns.get(3).type().sqlType() + ") AS neighbour_id,"
                + " CAST(distance AS DOUBLE) AS angular_distance, CAST(candidates AS INTEGER) AS number_of_neighbours,"
                + " CAST(mates AS INTEGER) AS number_of_mates,"
                + " CAST((CASE WHEN not_mutual THEN 1 ELSE 0 END) + (CASE WHEN CAST(candidates AS INTEGER) > 1 THEN 2 ELSE 0 END)"
                + " + (CASE WHEN mates > 0 THEN 4 ELSE 0 END) + " + (propagated ? 8 : 0) + " AS INTEGER) AS xm_flag"
                + " FROM counted) TO " + SqlText.literal(parquet.toString()) + " (FORMAT parquet)";
        try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Adds or replaces the table in survey.json: written aside, then renamed. */
    private static void publish(ArchiveLayout layout, String survey, CatalogTable table) throws IOException {
        Path file = layout.surveyFile(survey);
        Survey model = SurveyJson.read(file);
        List<CatalogTable> tables = new ArrayList<>(model.tables().stream().filter(t -> !t.name().equals(table.name())).toList());
        tables.add(table);
        Survey updated = new Survey(model.name(), model.title(), model.description(), model.reference(), model.epochYear(), model.bands(), tables);
        Path aside = file.resolveSibling("." + file.getFileName() + ".new");
        SurveyJson.write(updated, aside);
        Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void closeSide(MatchInputs.ResolvedSide side) {
        if (side.rows() instanceof HatsSide hats) {
            hats.close();
        }
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** Streams pairs as CSV: left_0.., neighbour_id, distance, candidates (all as text; types are restored in SQL). */
    private static final class PairCsv implements MatchSink, AutoCloseable {
        private final BufferedWriter writer;
        private final List<String> leftColumns;
        private final String rightColumn;

        PairCsv(Path file, List<String> leftColumns, String rightColumn) throws IOException {
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            this.leftColumns = leftColumns;
            this.rightColumn = rightColumn;
            StringBuilder header = new StringBuilder();
            for (int c = 0; c < leftColumns.size(); c++) {
                header.append("left_").append(c).append(',');
            }
            writer.write(header + "neighbour_id,distance,candidates\n");
        }

        @Override
        public void accept(LoadedTable leftRows, LoadedTable rightRows, MatchResult result) {
            List<Column> left = leftColumns.stream().map(name -> leftRows.require(name, "source")).toList();
            Column right = rightRows.require(rightColumn, "neighbour id");
            try {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < result.size(); i++) {
                    line.setLength(0);
                    for (Column column : left) {
                        line.append(csv(column.text(result.leftRow(i)))).append(',');
                    }
                    line.append(csv(right.text(result.rightRow(i)))).append(',').append(result.distanceArcsec(i)).append(',')
                            .append(result.candidates(i)).append('\n');
                    writer.write(line.toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String csv(String value) {
            return value.indexOf(',') < 0 && value.indexOf('"') < 0 ? value : '"' + value.replace("\"", "\"\"") + '"';
        }

        @Override
        public void close() throws IOException {
            writer.close();
        }
    }
}
