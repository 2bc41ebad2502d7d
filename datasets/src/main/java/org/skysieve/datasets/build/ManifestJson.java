package org.skysieve.datasets.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.datasets.spec.CutoutSpec;

/**
 * The {@code manifest.json} form of a {@link DatasetManifest}: snake_case keys, maps sorted by key, no time stamps (the
 * same build gives the same bytes). Top level: {@code format} ({@code skysieve-dataset/1}), {@code name},
 * {@code code_version} {version, commit}, {@code spec} (the text), {@code survey_versions}, {@code rows},
 * {@code shard_rows}, {@code splits}, {@code statuses}, {@code columns} [{name, type, unit, ucd, description,
 * null_meaning, npy_dtype, npy_null}] (npy_dtype: the field dtype in {@code features-XXXX.npy}, {@code <U} without
 * its per-shard width; npy_null: what a null becomes there), {@code cutouts} (or null) {survey, bands, height, width, grid, pixel_scale_arcsec, dtype, mask_dtype,
 * mask_meaning, statuses}, {@code shards} [{index, first_row, rows, splits, cutout_statuses, files}] and {@code files}
 * [{name, bytes, sha256}]: every file of the dataset but the manifest.
 */
public final class ManifestJson {
    public static final String FORMAT = "skysieve-dataset/1";
    public static final String MASK_MEANING = "1 = no plate covers the pixel (its value is NaN), 0 = the pixel has data;"
            + " NaN pixels inside a plate (bad pixels) are not masked";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestJson() {
    }

    public static String text(DatasetManifest manifest) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("name", manifest.name());
        ObjectNode code = root.putObject("code_version");
        code.put("version", manifest.codeVersion().version());
        code.put("commit", manifest.codeVersion().commit().orElse(null));
        root.put("spec", manifest.specText());
        root.set("survey_versions", MAPPER.valueToTree(new TreeMap<>(manifest.surveyVersions())));
        root.put("rows", manifest.rowCount());
        root.put("shard_rows", manifest.shardRows());
        root.set("splits", MAPPER.valueToTree(new TreeMap<>(manifest.rowsPerSplit())));
        root.set("statuses", sortedCounts(manifest.statusCounts()));
        ArrayNode columns = root.putArray("columns");
        for (ColumnDoc column : manifest.columns()) {
            ObjectNode node = columns.addObject();
            node.put("name", column.name());
            node.put("type", column.type().sqlType());
            node.put("unit", column.unit());
            node.put("ucd", column.ucd());
            node.put("description", column.description());
            node.put("null_meaning", column.nullMeaning());
            node.put("npy_dtype", FeaturesNpy.dtype(column.type()));
            node.put("npy_null", FeaturesNpy.nullValue(column.type()));
        }
        if (manifest.cutouts().isPresent()) {
            CutoutSpec cutouts = manifest.cutouts().get();
            ObjectNode node = root.putObject("cutouts");
            node.put("survey", cutouts.survey());
            node.set("bands", MAPPER.valueToTree(cutouts.bands()));
            node.put("height", cutouts.sizePixels());
            node.put("width", cutouts.sizePixels());
            node.put("grid", cutouts.pixelScaleArcsec().isPresent() ? "common" : "native");
            if (cutouts.pixelScaleArcsec().isPresent()) {
                node.put("pixel_scale_arcsec", cutouts.pixelScaleArcsec().get());
            } else {
                node.putNull("pixel_scale_arcsec");
            }
            node.put("dtype", "float32");
            node.put("mask_dtype", "uint8");
            node.put("mask_meaning", MASK_MEANING);
            node.set("statuses", sortedCounts(manifest.cutoutStatusCounts()));
        } else {
            root.putNull("cutouts");
        }
        ArrayNode shards = root.putArray("shards");
        for (ShardRecord shard : manifest.shards()) {
            ObjectNode node = shards.addObject();
            node.put("index", shard.index());
            node.put("first_row", shard.firstRow());
            node.put("rows", shard.rowCount());
            node.set("splits", MAPPER.valueToTree(new TreeMap<>(shard.rowsPerSplit())));
            node.set("cutout_statuses", sortedCounts(shard.cutoutStatusCounts()));
            ArrayNode names = node.putArray("files");
            shard.files().forEach(file -> names.add(file.name()));
        }
        ArrayNode files = root.putArray("files");
        for (FileChecksum file : manifest.files()) {
            ObjectNode node = files.addObject();
            node.put("name", file.name());
            node.put("bytes", file.bytes());
            node.put("sha256", file.sha256());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the manifest", e);
        }
    }

    private static ObjectNode sortedCounts(Map<String, Map<String, Long>> counts) {
        ObjectNode node = MAPPER.createObjectNode();
        new TreeMap<>(counts).forEach((key, values) -> node.set(key, MAPPER.valueToTree(new TreeMap<>(values))));
        return node;
    }
}
