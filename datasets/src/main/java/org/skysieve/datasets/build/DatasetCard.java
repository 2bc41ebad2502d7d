package org.skysieve.datasets.build;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.skysieve.catalog.model.ColumnDoc;
import org.skysieve.catalog.model.StatusColumns;
import org.skysieve.datasets.spec.CutoutSpec;

/** The dataset card {@code README.md}: what the dataset holds, how it was made, how to load it, its limits. */
final class DatasetCard {
    private DatasetCard() {
    }

    static String text(DatasetManifest manifest) {
        StringBuilder card = new StringBuilder();
        card.append("# ").append(manifest.name()).append("\n\n");
        card.append("A training set built by skysieve ").append(manifest.codeVersion().text()).append(" from ")
                .append(String.join(", ", new TreeMap<>(manifest.surveyVersions()).entrySet().stream()
                        .map(entry -> entry.getKey() + " (" + entry.getValue() + ")").toList()))
                .append(": ").append(manifest.rowCount()).append(" objects in ").append(manifest.shards().size())
                .append(" shards of up to ").append(manifest.shardRows()).append(" rows.\n\n");
        card.append("## Counts\n\n| split | objects |\n|---|---|\n");
        new TreeMap<>(manifest.rowsPerSplit()).forEach((split, count) ->
                card.append("| ").append(split).append(" | ").append(count).append(" |\n"));
        if (!manifest.statusCounts().isEmpty()) {
            card.append("\n| status column | ").append(String.join(" | ", PlannedRows.statusWords())).append(" |\n|---|")
                    .append("---|".repeat(PlannedRows.statusWords().size())).append('\n');
            new TreeMap<>(manifest.statusCounts()).forEach((column, counts) -> {
                card.append("| ").append(column);
                PlannedRows.statusWords().forEach(word -> card.append(" | ").append(counts.getOrDefault(word, 0L)));
                card.append(" |\n");
            });
        }
        card.append("\n## Files\n\n");
        card.append("- `features-XXXX.parquet`: one row per object, in dataset order (shard k holds rows k * ")
                .append(manifest.shardRows()).append(" on). Column documentation, units and UCDs are in the Parquet"
                        + " key/value metadata (VOParquet: `IVOA.VOTable-Parquet.content`); status words:"
                        + " `skysieve.dataset.status_meanings`.\n");
        card.append("- `features-XXXX.npy`: the same rows and columns as a NumPy structured array, shape (rows,), one"
                + " field per column (dtypes below: `<U` strings are as wide as the shard's longest value). A null is"
                + " NaN (floats), the type's minimum (integers), False (booleans) or '' (strings): the Parquet file"
                + " keeps null apart from those values, and the status columns say why a value is missing.\n");
        if (manifest.cutouts().isPresent()) {
            CutoutSpec cutouts = manifest.cutouts().get();
            int size = cutouts.sizePixels();
            card.append("- `cutouts-XXXX.npy`: float32, shape (rows, ").append(cutouts.bands().size()).append(", ")
                    .append(size).append(", ").append(size).append("): bands ").append(cutouts.bands()).append(" of ")
                    .append(cutouts.survey()).append(", ")
                    .append(cutouts.pixelScaleArcsec().map(scale -> "on a common north-up TAN grid of "
                            + String.format(Locale.ROOT, "%s", scale) + " arcsec per pixel (nearest plate pixel)")
                            .orElse("in the survey's native pixels"))
                    .append(", centred on (ra, dec): the position lies within half a pixel of the 0-based point"
                            + " ((W - 1) / 2, (H - 1) / 2). Row i is the object of features row i.\n");
            card.append("- `mask-XXXX.npy`: uint8, the same shape: ").append(ManifestJson.MASK_MEANING).append(".\n");
        }
        card.append("- `manifest.json`: the spec, survey and code versions, counts, shards and the SHA-256 of every"
                + " file.\n\n");
        if (manifest.cutouts().isPresent()) {
            card.append("Stamps per band and status (ok: every pixel on a plate; partial: some masked; outside: no"
                    + " plate, all NaN and masked):\n\n");
            new TreeMap<>(manifest.cutoutStatusCounts()).forEach((band, counts) -> card.append("- ").append(band)
                    .append(": ").append(counts(counts)).append('\n'));
            card.append('\n');
        }
        card.append("## Columns\n\n| name | type | npy dtype (null) | unit | description |\n|---|---|---|---|---|\n");
        for (ColumnDoc column : manifest.columns()) {
            card.append("| ").append(column.name()).append(" | ").append(column.type().sqlType()).append(" | `")
                    .append(FeaturesNpy.dtype(column.type())).append("` (").append(FeaturesNpy.nullValue(column.type()))
                    .append(") | ")
                    .append(column.unit()).append(" | ").append(column.description().replace("|", "\\|"))
                    .append(column.nullMeaning().isEmpty() ? "" : " Null: " + column.nullMeaning().replace("|", "\\|"))
                    .append(" |\n");
        }
        card.append("\nStatus words: ").append(StatusColumns.wordsAndMeanings()).append(".\n\n");
        card.append("## Loading\n\n```python\nimport json, numpy as np, pandas as pd\n"
                + "manifest = json.load(open('manifest.json'))\n"
                + "features = pd.concat(pd.read_parquet(f'features-{s[\"index\"]:04d}.parquet') for s in manifest['shards'])\n");
        if (manifest.cutouts().isPresent()) {
            card.append("cutouts = np.load('cutouts-0000.npy', mmap_mode='r')  # (rows, bands, H, W) float32\n"
                    + "mask = np.load('mask-0000.npy', mmap_mode='r')        # uint8, 1 = no data\n");
        }
        card.append("```\n\npandas reads Parquet through pyarrow or fastparquet (pip; Debian 12 packages neither);"
                + " DuckDB, polars and astropy (with pyarrow) read the files too. Without a Parquet engine, the .npy"
                + " features need NumPy only:\n\n```python\nimport numpy as np, pandas as pd\n"
                + "from numpy.lib.recfunctions import structured_to_unstructured\n"
                + "records = np.load('features-0000.npy')   # structured, shape (rows,)\n"
                + "frame = pd.DataFrame(records)\n"
                + "x = structured_to_unstructured(records[['ra', 'dec']], dtype=np.float32)  # float matrix (rows, 2)"
                + " for torch.from_numpy\n```\n\n"
                + "PyTorch: one `torch.utils.data.Dataset` per shard, e.g. `torch.from_numpy(np.load(...))`"
                + " for the tensors and the `split` field to choose training, validation or test rows.\n\n");
        card.append("## How it was made\n\nThe spec, recorded whole in `manifest.json`:\n\n```\n")
                .append(manifest.specText().strip()).append("\n```\n\n");
        card.append("## Limitations\n\n- Split by HEALPix cell (`split_cell`): neighbours on the sky stay on one side,"
                + " but cells are large-scale structure, so split sizes follow the fractions only on average.\n"
                + "- Missing measurements are null with a status (see the status columns), never imputed.\n");
        if (manifest.cutouts().isPresent()) {
            card.append("- Pixels off every plate are NaN and masked; stamps are not background-subtracted or"
                    + " normalised.\n");
        }
        return card.toString();
    }

    private static String counts(Map<String, Long> counts) {
        return String.join(", ", new TreeMap<>(counts).entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue()).toList());
    }
}
