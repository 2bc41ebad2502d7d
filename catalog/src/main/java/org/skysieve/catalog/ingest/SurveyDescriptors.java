package org.skysieve.catalog.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.skysieve.catalog.model.Band;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.ColumnType;
import org.skysieve.catalog.model.FlagBit;
import org.skysieve.catalog.model.FlagDictionary;

/**
 * Reads survey descriptors (YAML, or JSON for files ending in {@code .json}; the format is in docs/ingest.md).
 *
 * <p>Every problem is an {@link IngestException} naming the descriptor, the key path and the line. Input files
 * and footprint files are resolved against the descriptor's folder and must exist. Stateless and thread-safe.
 */
public final class SurveyDescriptors {
    private static final Set<String> SURVEY_KEYS = Set.of("name", "title", "description", "reference", "epoch", "bands", "tables", "footprint",
            "images");
    private static final Set<String> BAND_KEYS = Set.of("name", "wavelength_micron", "pixel_scale_arcsec", "depth_mag", "magnitude_system");
    private static final Set<String> TABLE_KEYS = Set.of("name", "description", "files", "format", "ra", "dec", "id", "columns",
            "bad_rows", "max_rows_per_partition");
    private static final Set<String> COLUMN_KEYS = Set.of("from", "from_unit", "type", "unit", "ucd", "description", "null_meaning", "band", "flags");
    private static final Set<String> FLAG_KEYS = Set.of("bit", "name", "description");
    private static final Set<String> FOOTPRINT_KEYS = Set.of("coverage", "masks", "mask_reasons", "depth", "images");
    private static final Set<String> RESERVED_COLUMNS = Set.of("_healpix_29", IngestFlags.COLUMN);
    /** A mask reason: a plain identifier, as the generated {@code masks_<band>_<reason>.moc.fits} use. */
    private static final String REASON_PATTERN = "[a-z][a-z0-9_]*";
    private static final long DEFAULT_MAX_ROWS_PER_PARTITION = 1_000_000;

    private SurveyDescriptors() {
    }

    public static SurveyDescriptor read(Path descriptorFile) {
        Path file = descriptorFile.toAbsolutePath().normalize();
        DescriptorNode root = DescriptorParser.parse(file);
        root.allowOnly(SURVEY_KEYS);
        Path folder = file.getParent();
        DescriptorNode nameNode = root.required("name");
        String name = nameNode.text().trim();
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw nameNode.error("Expected a survey name of lower-case letters, digits and _, starting with a letter. Actual: '" + name + "'");
        }
        List<Band> bands = bands(root);
        Set<String> bandNames = new HashSet<>();
        bands.forEach(band -> bandNames.add(band.name()));
        DescriptorNode tablesNode = root.required("tables");
        List<TableDescriptor> tables = new ArrayList<>();
        Set<String> tableNames = new HashSet<>();
        for (DescriptorNode tableNode : tablesNode.items()) {
            TableDescriptor table = table(tableNode, folder, bandNames);
            if (!tableNames.add(table.name().toLowerCase(Locale.ROOT))) {
                throw tableNode.required("name").error("Table '" + table.name() + "' is described twice");
            }
            tables.add(table);
        }
        if (tables.isEmpty()) {
            throw tablesNode.error("Expected at least one table. Actual: none");
        }
        FootprintFiles footprint = root.get("footprint").map(node -> footprint(node, folder, bandNames)).orElse(FootprintFiles.none());
        Map<String, List<Path>> images = root.get("images").map(node -> images(node, folder, bandNames)).orElse(Map.of());
        return new SurveyDescriptor(file, name, root.text("title", name), root.text("description", ""), root.text("reference", ""),
                root.get("epoch").map(DescriptorNode::number).orElse(2000.0), bands, tables, footprint, images);
    }

    /**
     * The {@code images:} section: band to a file, a glob or a list of them (relative to the descriptor); every
     * pattern must match at least one file, every band must be one of the survey's.
     */
    private static Map<String, List<Path>> images(DescriptorNode node, Path folder, Set<String> bandNames) {
        Map<String, List<Path>> images = new LinkedHashMap<>();
        for (Map.Entry<String, DescriptorNode> entry : node.entries().entrySet()) {
            if (!bandNames.contains(entry.getKey())) {
                throw entry.getValue().error("Expected one of the survey's bands " + new java.util.TreeSet<>(bandNames)
                        + ". Actual: '" + entry.getKey() + "'");
            }
            List<Path> files = new ArrayList<>();
            for (DescriptorNode pattern : entry.getValue().items()) {
                List<Path> matches = FileGlobs.expand(folder, pattern.text().trim());
                if (matches.isEmpty()) {
                    throw pattern.error("No image file matches '" + pattern.text() + "' (relative to " + folder + ")");
                }
                files.addAll(matches);
            }
            images.put(entry.getKey(), List.copyOf(files));
        }
        return images;
    }

    private static List<Band> bands(DescriptorNode root) {
        List<Band> bands = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Optional<DescriptorNode> bandsNode = root.get("bands");
        if (bandsNode.isEmpty()) {
            return bands;
        }
        for (DescriptorNode node : bandsNode.get().items()) {
            node.allowOnly(BAND_KEYS);
            String name = node.requiredText("name").trim();
            if (!names.add(name)) {
                throw node.required("name").error("Band '" + name + "' is described twice");
            }
            DescriptorNode wavelength = node.required("wavelength_micron");
            if (!(wavelength.number() > 0)) {
                throw wavelength.error("Expected a positive wavelength in micrometres. Actual: " + wavelength.text());
            }
            DescriptorNode system = node.get("magnitude_system").orElse(null);
            String magnitudeSystem = system == null ? "AB" : system.text().trim();
            if (!magnitudeSystem.equals("AB") && !magnitudeSystem.equals("Vega")) {
                throw system.error("Expected a magnitude system AB or Vega. Actual: '" + magnitudeSystem + "'");
            }
            bands.add(new Band(name, wavelength.number(),
                    node.get("pixel_scale_arcsec").map(DescriptorNode::number).orElse(Double.NaN),
                    node.get("depth_mag").map(DescriptorNode::number).orElse(Double.NaN),
                    magnitudeSystem));
        }
        return bands;
    }

    private static TableDescriptor table(DescriptorNode node, Path folder, Set<String> bandNames) {
        node.allowOnly(TABLE_KEYS);
        DescriptorNode nameNode = node.required("name");
        String name = nameNode.text().trim();
        if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw nameNode.error("Expected a table name of letters, digits and _, starting with a letter. Actual: '" + name + "'");
        }
        if (name.equalsIgnoreCase("images") || name.equalsIgnoreCase("footprint")) {
            throw nameNode.error("Expected a table name other than 'images' and 'footprint' (the survey's folders of"
                    + " plates and maps). Actual: '" + name + "'");
        }
        List<Path> files = new ArrayList<>();
        for (DescriptorNode pattern : node.required("files").items()) {
            List<Path> matches = FileGlobs.expand(folder, pattern.text().trim());
            if (matches.isEmpty()) {
                throw pattern.error("No file matches '" + pattern.text() + "' (relative to " + folder + ")");
            }
            files.addAll(matches);
        }
        InputFormat format = InputFormat.AUTO;
        Optional<DescriptorNode> formatNode = node.get("format");
        if (formatNode.isPresent()) {
            try {
                format = InputFormat.fromWord(formatNode.get().text());
            } catch (IllegalArgumentException e) {
                throw formatNode.get().error(e.getMessage());
            }
        }
        if (format == InputFormat.AUTO) {
            for (int i = 0; i < files.size(); i++) {
                try {
                    InputFormat.AUTO.resolve(files.get(i));
                } catch (IllegalArgumentException e) {
                    throw node.required("files").error(e.getMessage());
                }
            }
        }
        BadRowPolicy badRows = BadRowPolicy.REJECT;
        Optional<DescriptorNode> policyNode = node.get("bad_rows");
        if (policyNode.isPresent()) {
            try {
                badRows = BadRowPolicy.fromWord(policyNode.get().text());
            } catch (IllegalArgumentException e) {
                throw policyNode.get().error(e.getMessage());
            }
        }
        long maxRows = DEFAULT_MAX_ROWS_PER_PARTITION;
        Optional<DescriptorNode> maxRowsNode = node.get("max_rows_per_partition");
        if (maxRowsNode.isPresent()) {
            maxRows = maxRowsNode.get().integer();
            if (maxRows < 1) {
                throw maxRowsNode.get().error("Expected a positive number of rows. Actual: " + maxRows);
            }
        }
        DescriptorNode columnsNode = node.required("columns");
        String raColumn = node.text("ra", "ra").trim();
        String decColumn = node.text("dec", "dec").trim();
        String idColumn = node.text("id", "id").trim();
        List<ColumnMapping> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, DescriptorNode> entry : columnsNode.entries().entrySet()) {
            ColumnMapping column = column(entry.getKey(), entry.getValue(), bandNames, raColumn, decColumn);
            if (!seen.add(column.name().toLowerCase(Locale.ROOT))) {
                throw entry.getValue().error("Column '" + column.name() + "' differs from another only by case");
            }
            columns.add(column);
        }
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("ra", raColumn);
        roles.put("dec", decColumn);
        roles.put("id", idColumn);
        for (Map.Entry<String, String> role : roles.entrySet()) {
            if (!seen.contains(role.getValue().toLowerCase(Locale.ROOT))) {
                DescriptorNode where = node.get(role.getKey()).orElse(columnsNode);
                throw where.error("The " + role.getKey() + " column '" + role.getValue() + "' is not among the columns. Expected one of "
                        + columns.stream().map(ColumnMapping::name).toList());
            }
        }
        return new TableDescriptor(name, node.text("description", ""), files, format, canonical(raColumn, columns),
                canonical(decColumn, columns), canonical(idColumn, columns), columns, badRows, maxRows);
    }

    private static String canonical(String name, List<ColumnMapping> columns) {
        return columns.stream().map(ColumnMapping::name).filter(n -> n.equalsIgnoreCase(name)).findFirst().orElseThrow();
    }

    private static ColumnMapping column(String name, DescriptorNode node, Set<String> bandNames, String raColumn, String decColumn) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*") || RESERVED_COLUMNS.contains(name.toLowerCase(Locale.ROOT))) {
            throw node.error("Expected a column name of letters, digits and _ other than " + RESERVED_COLUMNS + ". Actual: '" + name + "'");
        }
        node.allowOnly(COLUMN_KEYS);
        DescriptorNode typeNode = node.required("type");
        ColumnType type;
        try {
            type = ColumnType.fromName(typeNode.text());
        } catch (IllegalArgumentException e) {
            throw typeNode.error(e.getMessage());
        }
        boolean positional = name.equalsIgnoreCase(raColumn) || name.equalsIgnoreCase(decColumn);
        String unit = node.text("unit", positional ? "deg" : "").trim();
        if (positional) {
            if (type != ColumnType.DOUBLE) {
                throw typeNode.error("Expected type double for the position column " + name + ". Actual: " + typeNode.text());
            }
            if (!unit.equals("deg")) {
                throw node.required("unit").error("Expected unit deg for the position column " + name
                        + " (positions are published in degrees; give the input's unit as from_unit). Actual: '" + unit + "'");
            }
        }
        Optional<String> sourceUnit = node.get("from_unit").map(fromUnit -> {
            String text = fromUnit.text().trim();
            if (type != ColumnType.FLOAT && type != ColumnType.DOUBLE) {
                throw fromUnit.error("Expected from_unit only on float or double columns (integers are not rescaled). Actual type: "
                        + type.name().toLowerCase(Locale.ROOT));
            }
            try {
                Units.factor(text, unit);
            } catch (IllegalArgumentException e) {
                throw fromUnit.error(e.getMessage());
            }
            return text;
        });
        Optional<String> band = node.get("band").map(bandNode -> {
            String text = bandNode.text().trim();
            if (!bandNames.contains(text)) {
                throw bandNode.error("Expected one of the survey's bands " + new java.util.TreeSet<>(bandNames) + ". Actual: '" + text + "'");
            }
            return text;
        });
        Optional<FlagDictionary> flags = node.get("flags").map(flagsNode -> flags(flagsNode, type));
        ColumnDoc doc = new ColumnDoc(name, type, unit, node.text("ucd", "").trim(), node.text("description", "").trim(),
                node.text("null_meaning", "").trim(), band, flags);
        return new ColumnMapping(doc, node.text("from", name), sourceUnit);
    }

    private static FlagDictionary flags(DescriptorNode node, ColumnType type) {
        if (type != ColumnType.SHORT && type != ColumnType.INT && type != ColumnType.LONG) {
            throw node.error("Expected flags only on short, int or long columns. Actual type: " + type.name().toLowerCase(Locale.ROOT));
        }
        int maxBit = type == ColumnType.SHORT ? 15 : type == ColumnType.INT ? 31 : 63;
        List<FlagBit> bits = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (DescriptorNode bitNode : node.items()) {
            bitNode.allowOnly(FLAG_KEYS);
            DescriptorNode numberNode = bitNode.required("bit");
            long bit = numberNode.integer();
            if (bit < 0 || bit > maxBit) {
                throw numberNode.error("Expected a bit in [0, " + maxBit + "]. Actual: " + bit);
            }
            if (!seen.add(bit)) {
                throw numberNode.error("Bit " + bit + " is documented twice");
            }
            bits.add(new FlagBit((int) bit, bitNode.requiredText("name").trim(), bitNode.text("description", "").trim()));
        }
        return new FlagDictionary(bits);
    }

    private static FootprintFiles footprint(DescriptorNode node, Path folder, Set<String> bandNames) {
        node.allowOnly(FOOTPRINT_KEYS);
        Map<String, Path> coverage = new LinkedHashMap<>();
        Map<String, Path> masks = new LinkedHashMap<>();
        Map<String, Path> depth = new LinkedHashMap<>();
        Map<String, List<Path>> images = new LinkedHashMap<>();
        for (String kind : List.of("coverage", "masks", "depth", "images")) {
            Optional<DescriptorNode> kindNode = node.get(kind);
            if (kindNode.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, DescriptorNode> entry : kindNode.get().entries().entrySet()) {
                if (!bandNames.contains(entry.getKey())) {
                    throw entry.getValue().error("Expected one of the survey's bands " + new java.util.TreeSet<>(bandNames)
                            + ". Actual: '" + entry.getKey() + "'");
                }
                List<Path> files = new ArrayList<>();
                for (DescriptorNode pattern : entry.getValue().items()) {
                    List<Path> matches = FileGlobs.expand(folder, pattern.text().trim());
                    if (matches.isEmpty()) {
                        throw pattern.error("No file matches '" + pattern.text() + "' (relative to " + folder + ")");
                    }
                    files.addAll(matches);
                }
                if (kind.equals("images")) {
                    images.put(entry.getKey(), files);
                } else if (files.size() != 1) {
                    throw entry.getValue().error("Expected one " + kind + " file for band " + entry.getKey() + ". Actual: " + files.size());
                } else {
                    (kind.equals("coverage") ? coverage : kind.equals("masks") ? masks : depth).put(entry.getKey(), files.get(0));
                }
            }
        }
        Map<String, Map<String, Path>> maskReasons = new LinkedHashMap<>();
        Optional<DescriptorNode> reasonsNode = node.get("mask_reasons");
        if (reasonsNode.isPresent()) {
            for (Map.Entry<String, DescriptorNode> band : reasonsNode.get().entries().entrySet()) {
                if (!bandNames.contains(band.getKey())) {
                    throw band.getValue().error("Expected one of the survey's bands " + new java.util.TreeSet<>(bandNames)
                            + ". Actual: '" + band.getKey() + "'");
                }
                Map<String, Path> reasons = new LinkedHashMap<>();
                for (Map.Entry<String, DescriptorNode> reason : band.getValue().entries().entrySet()) {
                    if (!reason.getKey().matches(REASON_PATTERN)) {
                        throw reason.getValue().error("Expected a mask reason of band " + band.getKey()
                                + " of lower-case letters, digits and _, starting with a letter. Actual: '" + reason.getKey() + "'");
                    }
                    String pattern = reason.getValue().text().trim();
                    List<Path> matches = FileGlobs.expand(folder, pattern);
                    if (matches.size() != 1) {
                        throw reason.getValue().error("Expected one MOC file for mask reason " + reason.getKey() + " of band "
                                + band.getKey() + ". Actual: " + matches.size() + " files match '" + pattern + "' (relative to " + folder + ")");
                    }
                    reasons.put(reason.getKey(), matches.get(0));
                }
                maskReasons.put(band.getKey(), reasons);
            }
        }
        return new FootprintFiles(coverage, masks, depth, images, maskReasons);
    }
}
