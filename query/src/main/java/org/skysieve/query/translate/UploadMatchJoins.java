package org.skysieve.query.translate;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.skysieve.catalog.duckdb.DuckDbConnections;
import org.skysieve.catalog.duckdb.SqlText;
import org.skysieve.query.check.AnalyzedQuery;
import org.skysieve.query.check.TableDescription;
import org.skysieve.query.check.TableRegistry;
import org.skysieve.query.check.TableSource;
import org.skysieve.query.tree.Expression;
import org.skysieve.query.tree.Expression.BinaryOperator;
import org.skysieve.query.tree.Identifier;
import org.skysieve.query.tree.Position;
import org.skysieve.query.tree.QueryExpression;
import org.skysieve.query.tree.SetExpression;
import org.skysieve.query.tree.TableReference;
import org.skysieve.xmatch.Column;
import org.skysieve.xmatch.HatsSide;
import org.skysieve.xmatch.LoadedTable;
import org.skysieve.xmatch.MatchMode;
import org.skysieve.xmatch.MatchSpec;
import org.skysieve.xmatch.MemorySide;
import org.skysieve.xmatch.PartitionedMatcher;
import org.skysieve.xmatch.PositionColumns;
import org.skysieve.xmatch.TableReader;

/**
 * Positional joins of an uploaded table with a survey, run by the cross-match engine instead of a nested loop.
 *
 * <p>Fires on a checked query whose body is one SELECT over exactly two tables, {@code TAP_UPLOAD.x AS u} and a survey
 * table {@code s} with a sky position (comma-separated, or an INNER JOIN), where a top-level conjunct of the WHERE clause
 * or of the ON condition is one of
 * <pre>
 *   CONTAINS(POINT(u.a, u.b), CIRCLE(s.ra, s.dec, r)) = 1      (or POINT of s in a CIRCLE around u, or 1 = CONTAINS(...))
 *   DISTANCE(POINT(u.a, u.b), POINT(s.ra, s.dec)) &lt; r          (or &lt;=, either point first)
 * </pre>
 * with {@code r} a constant in degrees. Before: DuckDB tests the predicate on every pair of rows. After: the
 * {@link PartitionedMatcher} finds every (upload row, survey row) pair within r (slightly more, never fewer), the
 * upload is rewritten as one row per distinct (upload row, survey HEALPix index) with the extra column
 * {@value #MATCH_COLUMN}, and the conjunct becomes {@code u.skysieve_match_healpix = s._healpix_29 AND (the original
 * conjunct)}: a hash join, the original predicate still deciding every pair, so the answer is the one the query asks for.
 * Anything else is left alone. Stateless.
 */
public final class UploadMatchJoins {
    /** The column added to the rewritten upload: the depth-29 HEALPix index of a survey row near the upload row. */
    public static final String MATCH_COLUMN = "skysieve_match_healpix";
    private static final String UPLOAD_SCHEMA = "TAP_UPLOAD";

    private UploadMatchJoins() {
    }

    /**
     * A rewritten query.
     *
     * @param query       the query with the positional conjunct turned into a key join plus itself
     * @param uploadName  the upload (after {@code TAP_UPLOAD.}) to read from {@code uploadFile} instead
     * @param uploadFile  the upload's rows, each repeated once per nearby survey cell, with {@value #MATCH_COLUMN}
     * @param pairs       pairs found by the cross-match engine
     */
    public record Prepared(AnalyzedQuery query, String uploadName, Path uploadFile, long pairs) {
        public Prepared {
            requireNonNull(query, "query is null");
            requireNonNull(uploadName, "uploadName is null");
            requireNonNull(uploadFile, "uploadFile is null");
        }
    }

    /** The rewritten query and upload when {@code query} is such a join (the new upload file beside the old one); else empty. */
    public static Optional<Prepared> prepare(AnalyzedQuery query, TableRegistry tables) {
        QueryExpression tree = query.tree();
        if (!tree.with().isEmpty() || !(tree.body() instanceof SetExpression.Select select)) {
            return Optional.empty();
        }
        List<TableReference.NamedTable> named = new ArrayList<>();
        Optional<TableReference.Join> join = Optional.empty();
        if (select.from().size() == 2 && select.from().stream().allMatch(r -> r instanceof TableReference.NamedTable)) {
            select.from().forEach(r -> named.add((TableReference.NamedTable) r));
        } else if (select.from().size() == 1 && select.from().get(0) instanceof TableReference.Join j && j.kind() == TableReference.JoinKind.INNER
                && !j.natural() && j.on().isPresent() && j.left() instanceof TableReference.NamedTable l && j.right() instanceof TableReference.NamedTable r) {
            named.add(l);
            named.add(r);
            join = Optional.of(j);
        } else {
            return Optional.empty();
        }
        if (hasSubquery(select, tree, join)) {
            // a subquery could read the upload too, and would then see the rewritten rows
            return Optional.empty();
        }
        Optional<Roles> roles = roles(named, tables);
        if (roles.isEmpty()) {
            return Optional.empty();
        }
        Roles found = roles.get();
        List<Expression> whereConjuncts = select.where().map(UploadMatchJoins::conjuncts).orElse(List.of());
        List<Expression> onConjuncts = join.flatMap(TableReference.Join::on).map(UploadMatchJoins::conjuncts).orElse(List.of());
        for (boolean inWhere : new boolean[] {true, false}) {
            List<Expression> conjuncts = inWhere ? whereConjuncts : onConjuncts;
            for (int i = 0; i < conjuncts.size(); i++) {
                Optional<Match> match = match(conjuncts.get(i), found);
                if (match.isEmpty()) {
                    continue;
                }
                Path expanded = expandUpload(found, match.get());
                List<Expression> rewritten = new ArrayList<>(conjuncts);
                rewritten.set(i, keyJoin(found, conjuncts.get(i)));
                Expression condition = and(rewritten);
                SetExpression.Select newSelect = inWhere ? select.withWhere(Optional.of(condition))
                        : select.withFrom(List.of(withOn(join.get(), condition)));
                QueryExpression newTree = new QueryExpression(tree.position(), tree.with(), newSelect, tree.orderBy(), tree.offset());
                return Optional.of(new Prepared(new AnalyzedQuery(newTree, query.columns()), found.upload.name(), expanded, match.get().pairs));
            }
        }
        return Optional.empty();
    }

    private static boolean hasSubquery(SetExpression.Select select, QueryExpression tree, Optional<TableReference.Join> join) {
        List<Expression> expressions = new ArrayList<>();
        select.where().ifPresent(expressions::add);
        select.having().ifPresent(expressions::add);
        expressions.addAll(select.groupBy());
        join.flatMap(TableReference.Join::on).ifPresent(expressions::add);
        select.items().forEach(item -> {
            if (item instanceof org.skysieve.query.tree.SelectItem.DerivedColumn derived) {
                expressions.add(derived.value());
            }
        });
        tree.orderBy().forEach(order -> expressions.add(order.value()));
        return expressions.stream().anyMatch(UploadMatchJoins::containsSubquery);
    }

    private static boolean containsSubquery(Expression expression) {
        boolean[] found = {false};
        org.skysieve.query.tree.Expressions.mapChildren(expression, child -> {
            found[0] |= containsSubquery(child);
            return child;
        }, subquery -> {
            found[0] = true;
            return subquery;
        });
        return found[0];
    }

    private record Roles(TableDescription upload, String uploadExposed, TableDescription survey, String surveyExposed) {
    }

    private static final class Match {
        final String uploadRa;
        final String uploadDec;
        final double radiusDeg;
        long pairs;

        Match(String uploadRa, String uploadDec, double radiusDeg) {
            this.uploadRa = uploadRa;
            this.uploadDec = uploadDec;
            this.radiusDeg = radiusDeg;
        }
    }

    private static Optional<Roles> roles(List<TableReference.NamedTable> named, TableRegistry tables) {
        TableDescription upload = null;
        TableDescription survey = null;
        String uploadExposed = null;
        String surveyExposed = null;
        for (TableReference.NamedTable table : named) {
            List<TableDescription> found = tables.find(table.name());
            if (found.size() != 1) {
                return Optional.empty();
            }
            TableDescription description = found.get(0);
            if (description.schema().equalsIgnoreCase(UPLOAD_SCHEMA) && description.source() instanceof TableSource.ParquetFile) {
                upload = description;
                uploadExposed = table.exposedName().name();
            } else if (description.source() instanceof TableSource.Hats && description.position().isPresent()) {
                survey = description;
                surveyExposed = table.exposedName().name();
            }
        }
        if (upload == null || survey == null || uploadExposed.equalsIgnoreCase(surveyExposed)) {
            return Optional.empty();
        }
        return Optional.of(new Roles(upload, uploadExposed, survey, surveyExposed));
    }

    /** The upload's position columns and the radius, when {@code conjunct} is one of the handled forms. */
    private static Optional<Match> match(Expression conjunct, Roles roles) {
        if (!(conjunct instanceof Expression.Binary binary)) {
            return Optional.empty();
        }
        if (binary.operator() == BinaryOperator.EQUAL) {
            Expression call = isOne(binary.right()) ? binary.left() : isOne(binary.left()) ? binary.right() : null;
            if (!(call instanceof Expression.FunctionCall contains) || !contains.name().equals("CONTAINS") || contains.arguments().size() != 2) {
                return Optional.empty();
            }
            Optional<GeometryTerms.Point> point = GeometryTerms.point(contains.arguments().get(0));
            Optional<GeometryTerms.Circle> circle = GeometryTerms.circle(contains.arguments().get(1));
            if (point.isEmpty() || circle.isEmpty()) {
                return Optional.empty();
            }
            OptionalDouble radius = GeometryTerms.constantValue(circle.get().radiusDeg());
            return radius.isPresent() ? pointsMatch(point.get(), circle.get().centre(), radius.getAsDouble(), roles) : Optional.empty();
        }
        if (binary.operator() == BinaryOperator.LESS || binary.operator() == BinaryOperator.LESS_OR_EQUAL) {
            if (!(binary.left() instanceof Expression.FunctionCall distance) || !distance.name().equals("DISTANCE")) {
                return Optional.empty();
            }
            OptionalDouble radius = GeometryTerms.constantValue(binary.right());
            List<Expression> arguments = distance.arguments();
            if (radius.isEmpty()) {
                return Optional.empty();
            }
            if (arguments.size() == 2) {
                Optional<GeometryTerms.Point> first = GeometryTerms.point(arguments.get(0));
                Optional<GeometryTerms.Point> second = GeometryTerms.point(arguments.get(1));
                return first.isPresent() && second.isPresent() ? pointsMatch(first.get(), second.get(), radius.getAsDouble(), roles) : Optional.empty();
            }
            if (arguments.size() == 4) {
                return pointsMatch(new GeometryTerms.Point(arguments.get(0), arguments.get(1)),
                        new GeometryTerms.Point(arguments.get(2), arguments.get(3)), radius.getAsDouble(), roles);
            }
        }
        return Optional.empty();
    }

    private static boolean isOne(Expression expression) {
        OptionalDouble value = GeometryTerms.constantValue(expression);
        return value.isPresent() && value.getAsDouble() == 1.0;
    }

    private static Optional<Match> pointsMatch(GeometryTerms.Point first, GeometryTerms.Point second, double radiusDeg, Roles roles) {
        if (!(radiusDeg > 0) || radiusDeg > 1.0) {
            // the engine's range of radii; larger ones stay with DuckDB
            return Optional.empty();
        }
        Optional<String[]> uploadColumns = columnsOf(first, roles.uploadExposed);
        boolean surveySecond = isSurveyPosition(second, roles);
        if (uploadColumns.isEmpty() || !surveySecond) {
            uploadColumns = columnsOf(second, roles.uploadExposed);
            if (uploadColumns.isEmpty() || !isSurveyPosition(first, roles)) {
                return Optional.empty();
            }
        }
        return Optional.of(new Match(uploadColumns.get()[0], uploadColumns.get()[1], radiusDeg));
    }

    private static Optional<String[]> columnsOf(GeometryTerms.Point point, String exposed) {
        if (point.lonDeg() instanceof Expression.ColumnReference lon && point.latDeg() instanceof Expression.ColumnReference lat
                && lon.parts().size() == 2 && lat.parts().size() == 2 && lon.parts().get(0).name().equalsIgnoreCase(exposed)
                && lat.parts().get(0).name().equalsIgnoreCase(exposed)) {
            return Optional.of(new String[] {lon.column().name(), lat.column().name()});
        }
        return Optional.empty();
    }

    private static boolean isSurveyPosition(GeometryTerms.Point point, Roles roles) {
        TableDescription.SkyPositionColumns position = roles.survey.position().orElseThrow();
        Optional<String[]> columns = columnsOf(point, roles.surveyExposed);
        return columns.isPresent() && columns.get()[0].equalsIgnoreCase(position.raColumn()) && columns.get()[1].equalsIgnoreCase(position.decColumn());
    }

    /** Runs the cross-match and writes the expanded upload beside the upload; {@code match.pairs} gets the pair count. */
    private static Path expandUpload(Roles roles, Match match) {
        Path uploadFile = ((TableSource.ParquetFile) roles.upload.source()).file().toAbsolutePath();
        String file = SqlText.literal(uploadFile.toString());
        LoadedTable upload = TableReader.readSql(uploadFile.getFileName().toString(), "SELECT skysieve_row, CASE WHEN ok THEN ra END AS ra,"
                + " CASE WHEN ok THEN dec END AS dec FROM (SELECT file_row_number AS skysieve_row, CAST(" + SqlText.identifier(match.uploadRa)
                + " AS DOUBLE) AS ra, CAST(" + SqlText.identifier(match.uploadDec) + " AS DOUBLE) AS dec FROM read_parquet(" + file
                + ", file_row_number = true)) AS u, LATERAL (SELECT coalesce(isfinite(ra) AND dec BETWEEN -90 AND 90, false) AS ok)");
        // rows without a valid position never match here; DuckDB's predicate would not accept them either
        TableDescription.SkyPositionColumns position = roles.survey.position().orElseThrow();
        long[][] pairs = {new long[1024], new long[1024]};
        int[] size = {0};
        // a hair wider than asked: the original predicate still decides every pair, so more is harmless, fewer is not
        double radiusArcsec = match.radiusDeg * 3600 * (1 + 1e-9) + 1e-6;
        try (HatsSide survey = new HatsSide(((TableSource.Hats) roles.survey.source()).catalogue(), roles.survey.qualifiedName())) {
            PositionColumns surveyPositions = PositionColumns.of(position.raColumn(), position.decColumn());
            PositionColumns uploadPositions = PositionColumns.of("ra", "dec");
            PartitionedMatcher.match(new PartitionedMatcher.Side(new MemorySide(upload, uploadPositions), uploadPositions, List.of("skysieve_row")),
                    new PartitionedMatcher.Side(survey, surveyPositions, List.of(position.healpixColumn())),
                    MatchSpec.of(MatchMode.ALL, radiusArcsec), (leftRows, rightRows, result) -> {
                        long[] rows = ((Column.LongColumn) leftRows.require("skysieve_row", "row")).values();
                        Column healpix = rightRows.require(position.healpixColumn(), "HEALPix index");
                        long[] cells = ((Column.LongColumn) healpix).values();
                        for (int i = 0; i < result.size(); i++) {
                            if (size[0] == pairs[0].length) {
                                pairs[0] = Arrays.copyOf(pairs[0], size[0] * 2);
                                pairs[1] = Arrays.copyOf(pairs[1], size[0] * 2);
                            }
                            pairs[0][size[0]] = rows[result.leftRow(i)];
                            pairs[1][size[0]] = cells[result.rightRow(i)];
                            size[0]++;
                        }
                    });
        }
        match.pairs = size[0];
        Path pairFile = uploadFile.resolveSibling(uploadFile.getFileName() + ".pairs.csv");
        Path expanded = uploadFile.resolveSibling(uploadFile.getFileName() + ".matched-" + System.nanoTime() + ".parquet");
        try {
            try (java.io.BufferedWriter writer = Files.newBufferedWriter(pairFile)) {
                writer.write("skysieve_row," + MATCH_COLUMN + "\n");
                for (int i = 0; i < size[0]; i++) {
                    writer.write(pairs[0][i] + "," + pairs[1][i] + "\n");
                }
            }
            try (Connection connection = DuckDbConnections.openInMemory(); Statement statement = connection.createStatement()) {
                statement.execute("COPY (SELECT u.* EXCLUDE (file_row_number), p." + MATCH_COLUMN + " FROM read_parquet(" + file
                        + ", file_row_number = true) AS u JOIN (SELECT DISTINCT * FROM read_csv(" + SqlText.literal(pairFile.toString())
                        + ", header = true, columns = {'skysieve_row': 'BIGINT', '" + MATCH_COLUMN + "': 'BIGINT'})) AS p"
                        + " ON p.skysieve_row = u.file_row_number) TO " + SqlText.literal(expanded.toString()) + " (FORMAT parquet)");
            }
            return expanded;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the matched upload " + expanded + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the matched upload " + expanded + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(pairFile);
            } catch (IOException e) {
                // a leftover file in the job's folder goes with the job
            }
        }
    }

    /** {@code u.skysieve_match_healpix = s._healpix_29 AND (conjunct)}. */
    private static Expression keyJoin(Roles roles, Expression conjunct) {
        Position at = Position.SYNTHETIC;
        Expression uploadKey = new Expression.ColumnReference(at, List.of(new Identifier(roles.uploadExposed, true), new Identifier(MATCH_COLUMN, true)));
        Expression surveyKey = new Expression.ColumnReference(at, List.of(new Identifier(roles.surveyExposed, true),
                new Identifier(roles.survey.position().orElseThrow().healpixColumn(), true)));
        return new Expression.Binary(at, BinaryOperator.AND, new Expression.Binary(at, BinaryOperator.EQUAL, uploadKey, surveyKey), conjunct);
    }

    private static TableReference.Join withOn(TableReference.Join join, Expression on) {
        return new TableReference.Join(join.position(), join.kind(), join.natural(), join.left(), join.right(), Optional.of(on), join.using());
    }

    private static List<Expression> conjuncts(Expression condition) {
        if (condition instanceof Expression.Binary binary && binary.operator() == BinaryOperator.AND) {
            List<Expression> all = new ArrayList<>(conjuncts(binary.left()));
            all.addAll(conjuncts(binary.right()));
            return all;
        }
        return List.of(condition);
    }

    private static Expression and(List<Expression> conjuncts) {
        Expression combined = conjuncts.get(0);
        for (int i = 1; i < conjuncts.size(); i++) {
            combined = new Expression.Binary(Position.SYNTHETIC, BinaryOperator.AND, combined, conjuncts.get(i));
        }
        return combined;
    }
}
