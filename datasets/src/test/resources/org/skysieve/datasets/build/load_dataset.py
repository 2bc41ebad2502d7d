"""Loads a skysieve dataset folder as its card says and checks the documented shapes and dtypes.

Usage: python3 load_dataset.py numpy DATASET_FOLDER
       python3 load_dataset.py pandas-npy DATASET_FOLDER VALUES_JSON
       python3 load_dataset.py pandas-parquet DATASET_FOLDER
numpy: every cutouts, mask and features .npy file; prints one line per file, then 'numpy ok'.
pandas-npy: a DataFrame per features-XXXX.npy (pandas.DataFrame(numpy.load(path))), concatenated; writes every value
as text to VALUES_JSON ({column: [value, ...]}: repr of floats, 'nan' for NaN) for the caller to compare; 'pandas-npy ok'.
pandas-parquet: the Parquet shards through pandas; 'pandas ok' or 'pandas no-parquet-engine: ...' (exit 0).
Exits non-zero on the first disagreement.
"""
import json
import os
import sys

import numpy as np
import pandas as pd
from numpy.lib.recfunctions import structured_to_unstructured

mode, folder = sys.argv[1], sys.argv[2]
manifest = json.load(open(os.path.join(folder, "manifest.json")))
cutouts = manifest["cutouts"]
columns = manifest["columns"]
names = [column["name"] for column in columns]
listed = {entry["name"] for entry in manifest["files"]}
assert listed | {"manifest.json"} == set(os.listdir(folder)), (sorted(listed), sorted(os.listdir(folder)))
assert sum(shard["rows"] for shard in manifest["shards"]) == manifest["rows"]


def features_npy(shard):
    return np.load(os.path.join(folder, "features-%04d.npy" % shard["index"]))


if mode == "numpy":
    for shard in manifest["shards"]:
        number = "%04d" % shard["index"]
        records = features_npy(shard)
        assert records.shape == (shard["rows"],), (records.shape, shard["rows"])
        assert list(records.dtype.names) == names, (records.dtype.names, names)
        for column in columns:
            field = records.dtype.fields[column["name"]][0]
            documented = column["npy_dtype"]
            if documented == "<U":
                assert field.kind == "U" and field.itemsize >= 4, (column["name"], field)
            else:
                assert field == np.dtype(documented), (column["name"], field, documented)
        floats = [c["name"] for c in columns if c["npy_dtype"] in ("<f8", "<f4")]
        matrix = structured_to_unstructured(records[floats], dtype=np.float32)
        assert matrix.shape == (shard["rows"], len(floats)), matrix.shape
        print("features-%s.npy %s float matrix %s" % (number, records.shape, matrix.shape))
        if cutouts is not None:
            tensor = np.load(os.path.join(folder, "cutouts-%s.npy" % number))
            mask = np.load(os.path.join(folder, "mask-%s.npy" % number))
            shape = (shard["rows"], len(cutouts["bands"]), cutouts["height"], cutouts["width"])
            assert tensor.dtype == np.float32 and tensor.shape == shape, (tensor.dtype, tensor.shape, shape)
            assert mask.dtype == np.uint8 and mask.shape == shape, (mask.dtype, mask.shape, shape)
            assert set(np.unique(mask)) <= {0, 1}, np.unique(mask)
            assert np.isnan(tensor[mask == 1]).all(), "a masked pixel holds a value"
            print("cutouts-%s.npy %s %s" % (number, tensor.dtype, tensor.shape))
    print("numpy ok")
elif mode == "pandas-npy":
    frames = [pd.DataFrame(features_npy(shard)) for shard in manifest["shards"]]
    features = pd.concat(frames, ignore_index=True)
    assert list(features.columns) == names, (list(features.columns), names)
    assert len(features) == manifest["rows"], (len(features), manifest["rows"])
    counts = features["split"].value_counts().to_dict()
    assert counts == {k: v for k, v in manifest["splits"].items() if v > 0}, (counts, manifest["splits"])
    values = {}
    for name in names:
        series = features[name]
        if series.dtype.kind == "f":
            values[name] = ["nan" if np.isnan(v) else repr(float(v)) for v in series]
        else:
            values[name] = [str(v) for v in series]
    json.dump(values, open(sys.argv[3], "w"))
    print("pandas-npy ok %d rows" % len(features))
elif mode == "pandas-parquet":
    try:
        pd.io.parquet.get_engine("auto")
    except ImportError as missing:
        print("pandas no-parquet-engine: %s" % str(missing).splitlines()[0])
        sys.exit(0)
    frames = []
    for shard in manifest["shards"]:
        frame = pd.read_parquet(os.path.join(folder, "features-%04d.parquet" % shard["index"]))
        assert list(frame.columns) == names, (list(frame.columns), names)
        assert len(frame) == shard["rows"], (len(frame), shard["rows"])
        assert frame["ra"].dtype == np.float64 and frame["split_cell"].dtype == np.int64, frame.dtypes
        frames.append(frame)
    features = pd.concat(frames)
    counts = features["split"].value_counts().to_dict()
    assert counts == {k: v for k, v in manifest["splits"].items() if v > 0}, (counts, manifest["splits"])
    print("pandas ok")
else:
    sys.exit("unknown mode " + mode)
