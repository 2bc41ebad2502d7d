package org.skysieve.datasets.spec;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.skysieve.catalog.archive.Archive;
import org.skysieve.catalog.archive.PublishedSurvey;
import org.skysieve.catalog.model.Band;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.catalog.status.StatusMaps;
import org.skysieve.query.AdqlException;
import org.skysieve.query.QueryEngine;
import org.skysieve.query.QueryOptions;
import org.skysieve.query.check.AnalyzedQuery;

/**
 * Checks a spec against an archive before any work starts and resolves what it names ({@link CheckedSpec}). Every
 * problem is listed, each with its place in the spec: unknown surveys, tables, columns and bands (with the known
 * ones), ADQL errors (with the line and column in the query or expression), fractions that are negative or do not sum
 * to 1, cutout sizes over {@value #MAX_CUTOUT_PIXELS} pixels or surveys without images, shard sizes out of
 * [1, {@value #MAX_SHARD_ROWS}], missing files. Stateless.
 */
public final class DatasetSpecChecks {
    public static final int MAX_CUTOUT_PIXELS = 512;
    public static final int MAX_SHARD_ROWS = 1_000_000;
    /** The most objects a dataset may hold. */
    public static final long MAX_OBJECTS = 20_000_000;
    static final Duration CHECK_TIMEOUT = Duration.ofMinutes(1);
    /** The name of the dataset's columns as a table in derived and label expressions. */
    public static final String EXPRESSION_TABLE = "dataset";
    /** The columns every dataset starts with; no other column may take these names. */
    public static final List<String> FIXED_COLUMNS = List.of("object_id", "ra", "dec", "split", "split_cell", "label");
    private static final String EXPRESSION_PREFIX = "SELECT (";
    /** Names the planner uses for its own columns; no dataset column may start with it. */
    public static final String RESERVED_PREFIX = "skysieve_";

    private DatasetSpecChecks() {
    }

    /**
     * Checks {@code spec}; {@code engine} (over {@code archive}) checks its ADQL.
     *
     * @throws InvalidDatasetSpecException listing every problem
     */
    public static CheckedSpec check(DatasetSpec spec, Archive archive, QueryEngine engine, String sourceName) {
        requireNonNull(spec, "spec is null");
        requireNonNull(archive, "archive is null");
        requireNonNull(engine, "engine is null");
        List<SpecProblem> problems = new ArrayList<>();
        if (!spec.name().matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")) {
            problems.add(new SpecProblem("name", "Expected letters, digits, '_', '.' or '-' (at most 100, starting with a letter or digit). Actual: '"
                    + spec.name() + "'"));
        }
        ObjectsResolution.Objects objects = ObjectsResolution.resolve(spec.objects(), archive, engine, problems);
        List<CheckedSpec.ResolvedFeature> features = new ArrayList<>();
        StatusMaps maps = new StatusMaps(archive);
        for (int i = 0; i < spec.features().size(); i++) {
            FeatureResolution.resolve(spec.features().get(i), "features[" + i + "]", archive, maps, objects.ownTable(), problems)
                    .ifPresent(features::add);
        }
        boolean needsOwnId = features.stream().anyMatch(f -> !(f.join() instanceof FeatureJoin.CrossMatch))
                || spec.label().filter(l -> l.source() instanceof LabelSpec.FromTruth).isPresent();
        if (needsOwnId && spec.objects() instanceof ObjectsSpec.Adql && objects.ownTable().isPresent() && !objects.columns().isEmpty() && objects.columns().stream()
                .noneMatch(c -> c.name().equalsIgnoreCase(objects.ownTable().get().table().idColumn()))) {
            problems.add(new SpecProblem("objects.adql", "Expected the own table's id column '" + objects.ownTable().get().table().idColumn()
                    + "' in the result (the own table's rows, neighbours and truth labels are joined on it). Actual columns: "
                    + objects.columns().stream().map(ColumnDoc::name).toList()));
        }
        Optional<String> labelColumn = spec.label().map(LabelSpec::source).filter(LabelSpec.FromColumn.class::isInstance)
                .map(source -> ((LabelSpec.FromColumn) source).column());
        List<ColumnDoc> kept = objects.columns().stream().filter(c -> !c.name().equalsIgnoreCase(objects.id())
                && !c.name().equalsIgnoreCase(objects.ra()) && !c.name().equalsIgnoreCase(objects.dec())
                && !(labelColumn.isPresent() && c.name().equalsIgnoreCase(labelColumn.get()))).toList();
        Map<String, String> taken = new HashMap<>();
        FIXED_COLUMNS.forEach(name -> taken.put(name, "the dataset's fixed columns"));
        for (ColumnDoc column : kept) {
            claim(taken, column.name(), "objects", problems);
        }
        for (int i = 0; i < features.size(); i++) {
            for (ColumnDoc column : features.get(i).output()) {
                claim(taken, column.name(), "features[" + i + "]", problems);
            }
        }
        // (a name made twice is a problem above; expressions see its first maker)
        Map<String, ColumnDoc> unique = new java.util.LinkedHashMap<>();
        kept.forEach(column -> unique.putIfAbsent(column.name().toLowerCase(Locale.ROOT), column));
        features.forEach(feature -> feature.output().forEach(column -> unique.putIfAbsent(column.name().toLowerCase(Locale.ROOT), column)));
        List<ColumnDoc> base = new ArrayList<>(unique.values());
        List<ColumnDoc> derived = new ArrayList<>();
        for (int i = 0; i < spec.derived().size(); i++) {
            DerivedColumn column = spec.derived().get(i);
            String where = "derived[" + i + "]";
            if (!column.name().matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
                problems.add(new SpecProblem(where + ".name", "Expected letters, digits and _ starting with a letter. Actual: '" + column.name() + "'"));
                continue;
            }
            claim(taken, column.name(), where, problems);
            expression(column.expression(), base, engine, where + ".expression", problems).ifPresent(type -> derived.add(ColumnDoc.of(column.name(),
                    type.type(), type.unit(), "", "Derived: " + column.expression() + ".").withNullMeaning("Null where an operand is null.")));
        }
        Optional<ColumnDoc> label = spec.label().flatMap(l -> label(l, objects, base, derived, archive, engine, problems));
        split(spec.split(), problems);
        spec.cutouts().ifPresent(cutouts -> cutouts(cutouts, archive, problems));
        if (spec.output().shardRows() < 1 || spec.output().shardRows() > MAX_SHARD_ROWS) {
            problems.add(new SpecProblem("output.shard_rows", "Expected rows per shard in [1, " + MAX_SHARD_ROWS + "]. Actual: "
                    + spec.output().shardRows()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDatasetSpecException(sourceName, problems);
        }
        return new CheckedSpec(spec, objects.ownTable(), objects.id(), objects.ra(), objects.dec(), objects.columns(), kept, features,
                derived, label);
    }

    private static void claim(Map<String, String> taken, String name, String where, List<SpecProblem> problems) {
        if (name.toLowerCase(Locale.ROOT).startsWith(RESERVED_PREFIX)) {
            problems.add(new SpecProblem(where, "Expected column names not starting with " + RESERVED_PREFIX + " (reserved). Actual: '" + name + "'"));
        }
        String previous = taken.putIfAbsent(name.toLowerCase(Locale.ROOT), where);
        if (previous != null) {
            problems.add(new SpecProblem(where, "Expected column names unique in the dataset. Actual: '" + name + "' is also made by " + previous));
        }
    }

    /** The type and unit of an expression's value. */
    record ExpressionType(ColumnType type, String unit) {
    }

    /**
     * Checks an ADQL value expression over {@code columns} (the table {@value #EXPRESSION_TABLE}); positions in problems
     * are within the expression.
     */
    static Optional<ExpressionType> expression(String expression, List<ColumnDoc> columns, QueryEngine engine, String where,
            List<SpecProblem> problems) {
        Map<String, ColumnDoc> unique = new java.util.LinkedHashMap<>();
        columns.forEach(column -> unique.putIfAbsent(column.name().toLowerCase(Locale.ROOT), column));
        List<ColumnDoc> offered = List.copyOf(unique.values());
        try {
            AnalyzedQuery analyzed = engine.check(expressionQuery(expression, "skysieve_value"), expressionOptions(offered, Path.of(EXPRESSION_TABLE + ".parquet")));
            ColumnDoc value = analyzed.columns().get(0);
            if (value.type().isGeometry()) {
                problems.add(new SpecProblem(where, "Expected a number, text or boolean. Actual: a " + value.type()));
                return Optional.empty();
            }
            return Optional.of(new ExpressionType(value.type(), value.unit()));
        } catch (AdqlException e) {
            org.skysieve.query.tree.Position position = e.position();
            String place = position.equals(org.skysieve.query.tree.Position.SYNTHETIC) ? ""
                    : "error at " + position.line() + ":" + (position.line() == 1 ? position.column() - EXPRESSION_PREFIX.length() : position.column()) + ": ";
            problems.add(new SpecProblem(where, place + e.detail() + "; columns: " + offered.stream().map(ColumnDoc::name).toList()));
            return Optional.empty();
        }
    }

    /** The ADQL that computes {@code expression} as {@code name}, with the table's row index. */
    public static String expressionQuery(String expression, String name) {
        return EXPRESSION_PREFIX + expression + ") AS " + name + " FROM TAP_UPLOAD." + EXPRESSION_TABLE;
    }

    /** Query options offering {@code columns} as the table TAP_UPLOAD.{@value #EXPRESSION_TABLE} read from {@code file}. */
    public static QueryOptions expressionOptions(List<ColumnDoc> columns, Path file) {
        return new QueryOptions(MAX_OBJECTS, Duration.ofHours(1), List.of(new QueryOptions.UploadedTable(EXPRESSION_TABLE, file, columns)));
    }

    private static Optional<ColumnDoc> label(LabelSpec label, ObjectsResolution.Objects objects, List<ColumnDoc> base, List<ColumnDoc> derived, Archive archive,
            QueryEngine engine, List<SpecProblem> problems) {
        label.balance().flatMap(LabelSpec.Balance::perClass).filter(n -> n < 1).ifPresent(n -> problems.add(new SpecProblem("label.balance.per_class",
                "Expected at least 1 row per class. Actual: " + n)));
        List<ColumnDoc> all = new ArrayList<>(base);
        all.addAll(derived);
        if (label.source() instanceof LabelSpec.FromColumn column) {
            List<ColumnDoc> candidates = new ArrayList<>(objects.columns());
            candidates.addAll(all);
            Optional<ColumnDoc> found = candidates.stream().filter(c -> c.name().equalsIgnoreCase(column.column())).findFirst();
            if (found.isEmpty()) {
                problems.add(new SpecProblem("label.column", "Expected a column of the dataset. Actual: '" + column.column() + "'; known: "
                        + candidates.stream().map(ColumnDoc::name).toList()));
                return Optional.empty();
            }
            ColumnDoc doc = found.get();
            return Optional.of(new ColumnDoc("label", doc.type(), doc.unit(), doc.ucd(), "Label: " + doc.name() + ". " + doc.description(),
                    doc.nullMeaning(), doc.band(), doc.flags()));
        }
        if (label.source() instanceof LabelSpec.FromExpression expression) {
            return expression(expression.expression(), all, engine, "label.expression", problems).map(type -> ColumnDoc.of("label", type.type(),
                    type.unit(), "", "Label: " + expression.expression() + ".").withNullMeaning("Null where an operand is null."));
        }
        LabelSpec.FromTruth truth = (LabelSpec.FromTruth) label.source();
        if (objects.ownTable().isEmpty()) {
            problems.add(new SpecProblem("label.truth", "Expected objects from an ADQL query on a survey or an upload of its ids (the truth says which"
                    + " catalogue row each true source became). Actual: uploaded positions"));
            return Optional.empty();
        }
        Path sources = archive.layout().truthSources();
        if (!Files.isRegularFile(sources) || !Files.isRegularFile(archive.layout().truthObservations())) {
            problems.add(new SpecProblem("label.truth", "Expected a synthetic sky with its truth (" + sources + "). Actual: no truth in "
                    + archive.layout().root()));
            return Optional.empty();
        }
        try {
            List<ColumnDoc> truthColumns = ObjectColumns.describe(sources);
            Optional<ColumnDoc> found = truthColumns.stream().filter(c -> c.name().equalsIgnoreCase(truth.column())
                    && !c.name().equals("true_id")).findFirst();
            if (found.isEmpty()) {
                problems.add(new SpecProblem("label.truth", "Expected a column of the truth's sources. Actual: '" + truth.column() + "'; known: "
                        + truthColumns.stream().map(ColumnDoc::name).filter(n -> !n.equals("true_id")).toList()));
                return Optional.empty();
            }
            return Optional.of(ColumnDoc.of("label", found.get().type(), "", "src.class".equals(truth.column()) ? "src.class" : "",
                    "Label: the true " + found.get().name() + " of the source this object's catalogue row came from (synthetic truth).")
                    .withNullMeaning("The row came from no true source (a spurious detection)."));
        } catch (SQLException e) {
            problems.add(new SpecProblem("label.truth", "Could not read " + sources + ": " + e.getMessage()));
            return Optional.empty();
        }
    }

    private static void split(SplitSpec split, List<SpecProblem> problems) {
        if (split.order() < 0 || split.order() > 29) {
            problems.add(new SpecProblem("split.order", "Expected a HEALPix order in [0, 29]. Actual: " + split.order()));
        }
        double sum = 0;
        for (String name : SplitSpec.NAMES) {
            double fraction = split.fraction(name);
            if (!(fraction >= 0 && fraction <= 1)) {
                problems.add(new SpecProblem("split.fractions." + name, "Expected a fraction in [0, 1]. Actual: " + fraction));
            }
            sum += fraction;
        }
        if (Math.abs(sum - 1) > 1e-9) {
            problems.add(new SpecProblem("split.fractions", "Expected train + validation + test = 1. Actual: " + split.fraction("train") + " + "
                    + split.fraction("validation") + " + " + split.fraction("test") + " = " + sum));
        }
    }

    private static void cutouts(CutoutSpec cutouts, Archive archive, List<SpecProblem> problems) {
        if (cutouts.sizePixels() < 1 || cutouts.sizePixels() > MAX_CUTOUT_PIXELS) {
            problems.add(new SpecProblem("cutouts.size", "Expected a stamp side in [1, " + MAX_CUTOUT_PIXELS + "] pixels. Actual: " + cutouts.sizePixels()));
        }
        cutouts.pixelScaleArcsec().filter(scale -> !(scale > 0 && scale <= 60)).ifPresent(scale -> problems.add(new SpecProblem("cutouts.grid.scale",
                "Expected a pixel scale in (0, 60] arcsec. Actual: " + scale)));
        Optional<PublishedSurvey> survey = archive.survey(cutouts.survey());
        if (survey.isEmpty()) {
            problems.add(new SpecProblem("cutouts.survey", "unknown survey '" + cutouts.survey() + "'; known: " + surveyNames(archive)));
            return;
        }
        List<Band> withImages = survey.get().survey().bands().stream().filter(b -> !Double.isNaN(b.pixelScaleArcsec())
                && Files.isDirectory(archive.layout().imagesFolder(cutouts.survey()).resolve(b.name()))).toList();
        if (withImages.isEmpty()) {
            problems.add(new SpecProblem("cutouts.survey", "Expected a survey with image plates. Actual: " + cutouts.survey() + " has none in "
                    + archive.layout().imagesFolder(cutouts.survey())));
            return;
        }
        if (cutouts.bands().isEmpty()) {
            problems.add(new SpecProblem("cutouts.bands", "Expected at least one band. Actual: none"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < cutouts.bands().size(); i++) {
            String band = cutouts.bands().get(i);
            if (!seen.add(band)) {
                problems.add(new SpecProblem("cutouts.bands[" + i + "]", "Expected each band once. Actual: '" + band + "' again"));
            } else if (withImages.stream().noneMatch(b -> b.name().equals(band))) {
                problems.add(new SpecProblem("cutouts.bands[" + i + "]", "unknown band '" + band + "' in the images of " + cutouts.survey() + "; known: "
                        + withImages.stream().map(Band::name).toList()));
            }
        }
    }

    static List<String> surveyNames(Archive archive) {
        return archive.surveys().stream().map(s -> s.survey().name()).toList();
    }
}
