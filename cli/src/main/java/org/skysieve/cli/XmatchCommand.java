package org.skysieve.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.xmatch.AngleText;
import org.skysieve.xmatch.GlobalMates;
import org.skysieve.xmatch.HatsSide;
import org.skysieve.xmatch.MatchInputs;
import org.skysieve.xmatch.MatchInputs.ResolvedSide;
import org.skysieve.xmatch.MatchMode;
import org.skysieve.xmatch.MatchSpec;
import org.skysieve.xmatch.MemorySide;
import org.skysieve.xmatch.MatchTableWriter;
import org.skysieve.xmatch.PartitionedMatcher;
import org.skysieve.xmatch.PositionColumns;
import org.skysieve.xmatch.StatusMatch;
import org.skysieve.xmatch.SurveyStatusFill;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skysieve xmatch}: positional cross-match of two tables (files or published surveys). */
@Command(name = "xmatch", mixinStandardHelpOptions = true,
        description = {"Cross-match two tables by position.",
            "  skysieve xmatch LEFT RIGHT --radius 1arcsec [--find best|all|symmetric] [--data DIR] --out FILE",
            "LEFT and RIGHT are table files (CSV, FITS, VOTable, Parquet) or survey:NAME[/TABLE] with --data.",
            "The output (format from its suffix: .csv, .parquet, .fits, .vot) holds the left columns, the right columns",
            "(a name on both sides gets _1 and _2), separation_arcsec, candidates, rank and mates.",
            "A survey with proper motions (pmra, pmdec) is moved to the other side's epoch (--epoch for a file).",
            "--status (RIGHT a survey, --find best): one row per left row, unmatched ones kept, the survey's columns named",
            "SURVEY_column, then per band measurement SURVEY_<mag>_status (detected, undetected, masked, unobserved) and",
            "SURVEY_<mag>_limit: the counterpart's own, or from the survey's maps at the left position when unmatched."})
final class XmatchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "LEFT", description = "Left table: a file or survey:NAME.")
    String left;

    @Parameters(index = "1", paramLabel = "RIGHT", description = "Right table: a file or survey:NAME.")
    String right;

    @Option(names = "--radius", required = true, description = "Match radius with its unit: 1arcsec, 0.5arcmin, 2deg, 300mas.")
    String radius;

    @Option(names = "--find", defaultValue = "best", description = "best (nearest right row per left row), all (every pair), symmetric (nearest both ways).")
    String find;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder holding the surveys named survey:NAME.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file (.csv, .parquet, .fits, .vot).")
    Path out;

    @Option(names = "--columns", paramLabel = "SIDE:COLS", description = {"Columns to keep, per side: left:id,ra,dec;right:id,mag"
            + " (or --columns left:id --columns right:id,mag; sides also 1 and 2).",
        "Default: all columns of a file; id, ra, dec of a survey."})
    List<String> columns;

    @Option(names = "--left-columns", split = ",", paramLabel = "COL", hidden = true, description = "Same as --columns left:COL,...")
    List<String> leftColumns;

    @Option(names = "--right-columns", split = ",", paramLabel = "COL", hidden = true, description = "Same as --columns right:COL,...")
    List<String> rightColumns;

    @Option(names = "--epoch", paramLabel = "YEAR", description = "Epoch (Julian year) of the positions in file inputs, for proper motion propagation.")
    Double epoch;

    @Option(names = "--timings", description = "Print the seconds spent reading, matching and writing.")
    boolean timings;

    @Option(names = "--threads", description = "Worker threads (default: every processor).")
    Integer threads;

    @Option(names = "--sigma", paramLabel = "K", description = "Per-pair radius: K times the combined positional errors"
            + " sqrt(e1^2 + e2^2), at most --radius. Needs --left-error and/or --right-error.")
    Double sigma;

    @Option(names = "--left-error", paramLabel = "COL[:UNIT]", description = "Left positional error column and its unit (default arcsec), e.g. ra_error:mas.")
    String leftError;

    @Option(names = "--right-error", paramLabel = "COL[:UNIT]", description = "Right positional error column and its unit (default arcsec).")
    String rightError;

    @Option(names = "--status", description = "Keep every left row and add, per band of the right survey, why it has or lacks"
            + " a value (<mag>_status, <mag>_limit). Needs a survey on the right and --find best.")
    boolean status;

    @Override
    public Integer call() {
        double radiusArcsec = AngleText.parseArcsec(radius, "--radius");
        MatchSpec spec = MatchSpec.of(MatchMode.fromWord(find), radiusArcsec);
        if (threads != null) {
            spec = spec.withThreads(threads);
        }
        if (sigma != null) {
            if (leftError == null && rightError == null) {
                throw new IllegalArgumentException("Expected --left-error and/or --right-error with --sigma. Actual: neither");
            }
            spec = spec.withSigmaCount(sigma);
        }
        long start = System.nanoTime();
        ResolvedSide leftSide = MatchInputs.resolve(left, Optional.ofNullable(data), Optional.ofNullable(epoch));
        ResolvedSide rightSide = MatchInputs.resolve(right, Optional.ofNullable(data), Optional.ofNullable(epoch));
        long read = System.nanoTime();
        long matched;
        try {
            PositionColumns leftPositions = withError(atEpochOf(leftSide, rightSide), leftError, "--left-error");
            PositionColumns rightPositions = withError(atEpochOf(rightSide, leftSide), rightError, "--right-error");
            ColumnChoice choice = ColumnChoice.parse(columns == null ? List.of() : columns, leftColumns, rightColumns);
            List<String> leftKept = choice.left().orElse(leftSide.defaultColumns());
            List<String> rightKept = choice.right().orElse(rightSide.defaultColumns());
            long rows;
            if (status) {
                if (!right.startsWith("survey:") || data == null) {
                    throw new IllegalArgumentException("Expected RIGHT as survey:NAME[/TABLE] with --data DIR for --status. Actual: " + right
                            + (data == null ? " without --data" : ""));
                }
                String surveyAndTable = right.substring("survey:".length());
                SurveyStatusFill fill = SurveyStatusFill.of(Archive.open(data), surveyAndTable);
                rows = StatusMatch.run(leftSide.rows(), leftPositions, leftKept, rightSide.rows(), rightPositions, rightKept, fill.survey(),
                        fill, spec, out);
                System.out.printf("%d left rows with the best match and the status of %d band measurements of %s written to %s in %.2f s%n",
                        rows, fill.columnNames("").size() / 2, fill.survey(), out, (System.nanoTime() - start) / 1e9);
                return 0;
            }
            try (MatchTableWriter writer = new MatchTableWriter(out, leftKept, rightKept)) {
                // mates counted over the whole sky: a second pass when the sides are cut into pieces
                String rightKey = rightSide.rows() instanceof MemorySide ? MemorySide.ROW_INDEX_COLUMN : rightSide.defaultColumns().get(0);
                GlobalMates.match(new PartitionedMatcher.Side(leftSide.rows(), leftPositions, leftKept),
                        new PartitionedMatcher.Side(rightSide.rows(), rightPositions, rightKept), spec, writer, rightKey);
                rows = writer.rows();
                matched = System.nanoTime();
            }
            if (timings) {
                // for tables in memory, "match" includes gathering the output columns; "write" is the file's writing
                System.out.printf("read %.2f s, match %.2f s, write %.2f s%n", (read - start) / 1e9, (matched - read) / 1e9,
                        (System.nanoTime() - matched) / 1e9);
            }
            System.out.printf("%d pairs (%s within %s arcsec) written to %s in %.2f s%n", rows, spec.mode().word(), radiusArcsec, out,
                    (System.nanoTime() - start) / 1e9);
            return 0;
        } finally {
            close(leftSide);
            close(rightSide);
        }
    }

    /** The side's positions, moved to the other side's epoch when it has proper motions and both epochs are known. */
    private static PositionColumns atEpochOf(ResolvedSide side, ResolvedSide other) {
        PositionColumns positions = side.positions();
        if (positions.properMotion().isPresent() && other.epochYear().isPresent()
                && !other.epochYear().get().equals(positions.properMotion().get().epochYear())) {
            return positions.withProperMotion(positions.properMotion().get(), other.epochYear().get());
        }
        return positions;
    }

    /** {@code column[:unit]} as the positions' error column; null: none. */
    private static PositionColumns withError(PositionColumns positions, String text, String parameter) {
        if (text == null) {
            return positions;
        }
        int colon = text.lastIndexOf(':');
        String column = colon < 0 ? text : text.substring(0, colon);
        double toArcsec = colon < 0 ? 1.0 : AngleText.arcsecPer(text.substring(colon + 1), parameter, text);
        return positions.withError(column, toArcsec);
    }

    private static void close(ResolvedSide side) {
        if (side.rows() instanceof HatsSide hats) {
            hats.close();
        }
    }
}
