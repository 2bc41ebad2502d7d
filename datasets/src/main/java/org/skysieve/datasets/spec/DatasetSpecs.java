package org.skysieve.datasets.spec;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.skysieve.xmatch.AngleText;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a dataset spec, YAML or JSON (JSON is read as YAML), into a {@link DatasetSpec}. This step checks the shape
 * only (required keys, types, unknown keys), listing every such problem at once; what the values mean against the
 * archive (surveys, columns, ADQL, fractions, sizes, files) is checked by {@link DatasetSpecChecks}. Defaults:
 * {@code split} order {@value #DEFAULT_SPLIT_ORDER}, fractions 0.8/0.1/0.1, seed 0; {@code output.shard_rows}
 * {@value #DEFAULT_SHARD_ROWS}. Stateless.
 */
public final class DatasetSpecs {
    public static final int DEFAULT_SPLIT_ORDER = 7;
    public static final int DEFAULT_SHARD_ROWS = 10_000;
    private static final Set<String> TOP = Set.of("name", "objects", "features", "derived", "label", "split", "cutouts", "output");
    private static final Set<String> OBJECTS = Set.of("adql", "upload", "id", "ra", "dec", "survey", "table", "epoch");
    private static final Set<String> FEATURE = Set.of("survey", "table", "columns", "match", "neighbours", "statuses");
    private static final Set<String> DERIVED = Set.of("name", "expression");
    private static final Set<String> LABEL = Set.of("column", "expression", "truth", "balance");
    private static final Set<String> BALANCE = Set.of("per_class", "equal");
    private static final Set<String> SPLIT = Set.of("order", "fractions", "seed");
    private static final Set<String> CUTOUTS = Set.of("survey", "bands", "size", "grid");
    private static final Set<String> OUTPUT = Set.of("shard_rows");

    private DatasetSpecs() {
    }

    /** Reads {@code specFile}; relative file paths in it resolve against its folder. */
    public static DatasetSpec read(Path specFile) {
        requireNonNull(specFile, "specFile is null");
        String text;
        try {
            text = Files.readString(specFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidDatasetSpecException(specFile.toString(), List.of(new SpecProblem("(file)",
                    "Expected a readable spec file. Actual: " + e.getMessage())));
        }
        Path folder = specFile.toAbsolutePath().getParent();
        return parse(text, specFile.toString(), folder);
    }

    /**
     * Parses {@code text}.
     *
     * @param sourceName  how messages name the spec (its file name, {@code request})
     * @param baseFolder  the folder relative file paths (uploaded objects) resolve against
     * @throws InvalidDatasetSpecException listing every shape problem
     */
    public static DatasetSpec parse(String text, String sourceName, Path baseFolder) {
        requireNonNull(text, "text is null");
        requireNonNull(sourceName, "sourceName is null");
        requireNonNull(baseFolder, "baseFolder is null");
        Object tree;
        try {
            tree = new Load(LoadSettings.builder().setLabel(sourceName).build()).loadFromString(text);
        } catch (MarkedYamlEngineException e) {
            String where = e.getProblemMark().map(m -> "line " + (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse("(text)");
            throw new InvalidDatasetSpecException(sourceName, List.of(new SpecProblem(where,
                    "Expected YAML or JSON. Actual: " + e.getProblem())));
        } catch (YamlEngineException e) {
            throw new InvalidDatasetSpecException(sourceName, List.of(new SpecProblem("(text)", "Expected YAML or JSON. Actual: "
                    + e.getMessage())));
        }
        List<SpecProblem> problems = new ArrayList<>();
        SpecNode root = new SpecNode("", tree, problems);
        if (!root.expectMap(TOP)) {
            throw new InvalidDatasetSpecException(sourceName, problems);
        }
        String name = required(root, "name", "the dataset's name").flatMap(SpecNode::text).orElse("");
        ObjectsSpec objects = objects(root.get("objects"), baseFolder);
        List<FeatureSpec> features = new ArrayList<>();
        if (root.has("features")) {
            for (SpecNode item : root.get("features").items()) {
                feature(item).ifPresent(features::add);
            }
        }
        List<DerivedColumn> derived = new ArrayList<>();
        if (root.has("derived")) {
            for (SpecNode item : root.get("derived").items()) {
                if (item.expectMap(DERIVED)) {
                    Optional<String> column = required(item, "name", "the column's name").flatMap(SpecNode::text);
                    Optional<String> expression = required(item, "expression", "an ADQL value expression").flatMap(SpecNode::text);
                    if (column.isPresent() && expression.isPresent()) {
                        derived.add(new DerivedColumn(column.get(), expression.get()));
                    }
                }
            }
        }
        Optional<LabelSpec> label = root.has("label") ? label(root.get("label")) : Optional.empty();
        SplitSpec split = root.has("split") ? split(root.get("split"))
                : new SplitSpec(DEFAULT_SPLIT_ORDER, Map.of("train", 0.8, "validation", 0.1, "test", 0.1), 0);
        Optional<CutoutSpec> cutouts = root.has("cutouts") ? cutouts(root.get("cutouts")) : Optional.empty();
        OutputSpec output = new OutputSpec(DEFAULT_SHARD_ROWS);
        if (root.has("output") && root.get("output").expectMap(OUTPUT) && root.get("output").has("shard_rows")) {
            output = root.get("output").get("shard_rows").integer().map(rows -> new OutputSpec((int) Math.max(Integer.MIN_VALUE,
                    Math.min(Integer.MAX_VALUE, rows)))).orElse(output);
        }
        if (!problems.isEmpty() || objects == null) {
            throw new InvalidDatasetSpecException(sourceName, problems);
        }
        return new DatasetSpec(name, text, objects, features, derived, label, split, cutouts, output);
    }

    private static Optional<SpecNode> required(SpecNode parent, String key, String what) {
        if (!parent.has(key)) {
            parent.get(key).problem("missing; expected " + what);
            return Optional.empty();
        }
        return Optional.of(parent.get(key));
    }

    private static ObjectsSpec objects(SpecNode node, Path baseFolder) {
        if (node.isMissing()) {
            node.problem("missing; expected {adql: QUERY} or {upload: FILE, id: COLUMN, ra: COLUMN, dec: COLUMN}");
            return null;
        }
        if (!node.expectMap(OBJECTS)) {
            return null;
        }
        Optional<String> id = node.get("id").optionalText();
        Optional<String> ra = node.get("ra").optionalText();
        Optional<String> dec = node.get("dec").optionalText();
        if (node.has("adql") == node.has("upload")) {
            node.problem("Expected exactly one of adql (a query) or upload (a file). Actual: "
                    + (node.has("adql") ? "both" : "neither"));
            return null;
        }
        if (node.has("adql") && (node.has("survey") || node.has("table"))) {
            node.problem("Expected survey and table with upload only (a query names its tables). Actual: with adql");
        }
        if (node.has("epoch") && (node.has("adql") || node.has("survey"))) {
            node.get("epoch").problem("Expected an epoch with uploaded positions only (objects of a survey have its"
                    + " epoch). Actual: with " + (node.has("adql") ? "adql" : "survey"));
        }
        if (node.has("adql")) {
            return node.get("adql").text().map(adql -> (ObjectsSpec) new ObjectsSpec.Adql(adql, id, ra, dec)).orElse(null);
        }
        Optional<String> file = node.get("upload").text();
        Optional<String> survey = node.get("survey").optionalText();
        Optional<String> table = node.get("table").optionalText();
        if (table.isPresent() && survey.isEmpty()) {
            node.get("table").problem("Expected a table with survey (a list of the survey table's ids). Actual: no survey");
        }
        if (survey.isPresent() && (ra.isPresent() || dec.isPresent())) {
            node.problem("Expected ra and dec without survey (a list of ids takes the survey's positions). Actual: both");
        }
        Optional<String> idColumn = required(node, "id", "the upload's id column").flatMap(SpecNode::text);
        String raColumn = ra.orElse("ra");
        String decColumn = dec.orElse("dec");
        Optional<ObjectsSpec.Epoch> epoch = survey.isPresent() ? Optional.empty() : epoch(node.get("epoch"));
        if (file.isEmpty() || idColumn.isEmpty()) {
            return null;
        }
        return new ObjectsSpec.Upload(baseFolder.resolve(file.get()).toAbsolutePath().normalize(), idColumn.get(), raColumn, decColumn, survey, table,
                epoch);
    }

    /** {@code epoch: 2016.0} (a Julian year for all) or {@code epoch: COLUMN} (each object's, from the upload). */
    private static Optional<ObjectsSpec.Epoch> epoch(SpecNode node) {
        if (node.isMissing()) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            Optional<Double> year = node.number();
            if (year.isPresent() && !(year.get() >= ObjectsSpec.Epoch.MIN_YEAR && year.get() <= ObjectsSpec.Epoch.MAX_YEAR)) {
                node.problem("Expected a Julian year in [" + (int) ObjectsSpec.Epoch.MIN_YEAR + ", " + (int) ObjectsSpec.Epoch.MAX_YEAR
                        + "], e.g. 2016.0, or the name of a column of the upload. Actual: " + year.get());
                return Optional.empty();
            }
            return year.map(ObjectsSpec.Epoch.Year::new);
        }
        return node.text().map(ObjectsSpec.Epoch.FromColumn::new);
    }

    private static Optional<FeatureSpec> feature(SpecNode node) {
        if (!node.expectMap(FEATURE)) {
            return Optional.empty();
        }
        Optional<String> survey = required(node, "survey", "a survey name").flatMap(SpecNode::text);
        Optional<String> table = node.get("table").optionalText();
        List<String> columns = node.has("columns") ? node.get("columns").texts() : List.of();
        FeatureJoin join = new FeatureJoin.Automatic();
        if (node.has("match") && node.has("neighbours") && node.get("neighbours").bool().orElse(false)) {
            node.problem("Expected one of match (a cross-match radius) or neighbours: true. Actual: both");
        }
        if (node.has("match")) {
            SpecNode match = node.get("match");
            if (match.expectMap(Set.of("radius"))) {
                Optional<String> radius = required(match, "radius", "an angle with its unit, e.g. 1arcsec").flatMap(SpecNode::text);
                if (radius.isPresent()) {
                    try {
                        double arcsec = AngleText.parseArcsec(radius.get(), "the radius");
                        if (arcsec > 0) {
                            join = new FeatureJoin.CrossMatch(arcsec);
                        } else {
                            match.get("radius").problem("Expected a positive radius. Actual: " + radius.get());
                        }
                    } catch (IllegalArgumentException e) {
                        match.get("radius").problem(e.getMessage());
                    }
                }
            }
        } else if (node.has("neighbours") && node.get("neighbours").bool().orElse(false)) {
            join = new FeatureJoin.Neighbours();
        }
        boolean statuses = node.has("statuses") && node.get("statuses").bool().orElse(false);
        FeatureJoin chosen = join;
        return survey.map(name -> new FeatureSpec(name, table, columns, chosen, statuses));
    }

    private static Optional<LabelSpec> label(SpecNode node) {
        if (!node.expectMap(LABEL)) {
            return Optional.empty();
        }
        List<String> given = List.of("column", "expression", "truth").stream().filter(node::has).toList();
        if (given.size() != 1) {
            node.problem("Expected exactly one of column, expression or truth. Actual: " + (given.isEmpty() ? "none" : String.join(", ", given)));
            return Optional.empty();
        }
        Optional<String> value = node.get(given.get(0)).text();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        LabelSpec.Source source = switch (given.get(0)) {
            case "column" -> new LabelSpec.FromColumn(value.get());
            case "expression" -> new LabelSpec.FromExpression(value.get());
            default -> new LabelSpec.FromTruth(value.get());
        };
        Optional<LabelSpec.Balance> balance = Optional.empty();
        if (node.has("balance")) {
            SpecNode balanceNode = node.get("balance");
            if (balanceNode.expectMap(BALANCE)) {
                if (balanceNode.has("per_class") == balanceNode.has("equal")) {
                    balanceNode.problem("Expected one of per_class: N or equal: true. Actual: " + (balanceNode.has("equal") ? "both" : "neither"));
                } else if (balanceNode.has("per_class")) {
                    balance = balanceNode.get("per_class").integer().map(n -> new LabelSpec.Balance(Optional.of(n)));
                } else if (balanceNode.get("equal").bool().orElse(false)) {
                    balance = Optional.of(new LabelSpec.Balance(Optional.empty()));
                }
            }
        }
        return Optional.of(new LabelSpec(source, balance));
    }

    private static SplitSpec split(SpecNode node) {
        int order = DEFAULT_SPLIT_ORDER;
        Map<String, Double> fractions = new LinkedHashMap<>(Map.of("train", 0.8, "validation", 0.1, "test", 0.1));
        long seed = 0;
        if (node.expectMap(SPLIT)) {
            if (node.has("order")) {
                order = node.get("order").integer().map(o -> (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, o))).orElse(order);
            }
            if (node.has("seed")) {
                seed = node.get("seed").integer().orElse(0L);
            }
            if (node.has("fractions")) {
                SpecNode given = node.get("fractions");
                if (given.expectMap(Set.copyOf(SplitSpec.NAMES))) {
                    fractions.clear();
                    for (String split : SplitSpec.NAMES) {
                        if (given.has(split)) {
                            given.get(split).number().ifPresent(f -> fractions.put(split, f));
                        }
                    }
                }
            }
        }
        return new SplitSpec(order, fractions, seed);
    }

    private static Optional<CutoutSpec> cutouts(SpecNode node) {
        if (!node.expectMap(CUTOUTS)) {
            return Optional.empty();
        }
        Optional<String> survey = required(node, "survey", "a survey with images").flatMap(SpecNode::text);
        List<String> bands = required(node, "bands", "a list of bands").map(SpecNode::texts).orElse(List.of());
        Optional<Long> size = required(node, "size", "the stamp side in pixels").flatMap(SpecNode::integer);
        Optional<Double> scale = Optional.empty();
        if (node.has("grid")) {
            SpecNode grid = node.get("grid");
            if (grid.isMap()) {
                if (grid.expectMap(Set.of("scale"))) {
                    Optional<SpecNode> scaleNode = required(grid, "scale", "the pixel scale, e.g. 0.2arcsec");
                    if (scaleNode.isPresent()) {
                        Object raw = scaleNode.get().raw();
                        try {
                            scale = Optional.of(raw instanceof Number number ? number.doubleValue()
                                    : AngleText.parseArcsec(String.valueOf(raw), "the pixel scale"));
                        } catch (IllegalArgumentException e) {
                            scaleNode.get().problem(e.getMessage());
                        }
                    }
                }
            } else if (!"native".equals(grid.raw())) {
                grid.problem("Expected native or {scale: ARCSEC}. Actual: " + SpecNode.describe(grid.raw()));
            }
        }
        if (survey.isEmpty() || size.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CutoutSpec(survey.get(), bands, (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, size.get())), scale));
    }
}
