"""Loads a skysieve dataset folder as its card says and checks the documented shapes and dtypes.

Usage: python3 load_dataset.py DATASET_FOLDER
Prints one line per check; the last line is 'numpy ok', then 'pandas ok' or 'pandas no-parquet-engine: ...'.
Exits non-zero on the first disagreement.
"""
import json
import os
import sys

import numpy as np
import pandas as pd

folder = sys.argv[1]
manifest = json.load(open(os.path.join(folder, "manifest.json")))
cutouts = manifest["cutouts"]
listed = {entry["name"] for entry in manifest["files"]}
assert listed | {"manifest.json"} == set(os.listdir(folder)), (sorted(listed), sorted(os.listdir(folder)))
shards = pd.DataFrame(manifest["shards"])
assert shards["rows"].sum() == manifest["rows"], (shards["rows"].sum(), manifest["rows"])
total = 0
for shard in manifest["shards"]:
    number = "%04d" % shard["index"]
    if cutouts is not None:
        tensor = np.load(os.path.join(folder, "cutouts-%s.npy" % number))
        mask = np.load(os.path.join(folder, "mask-%s.npy" % number))
        shape = (shard["rows"], len(cutouts["bands"]), cutouts["height"], cutouts["width"])
        assert tensor.dtype == np.float32 and tensor.shape == shape, (tensor.dtype, tensor.shape, shape)
        assert mask.dtype == np.uint8 and mask.shape == shape, (mask.dtype, mask.shape, shape)
        assert set(np.unique(mask)) <= {0, 1}, np.unique(mask)
        assert np.isnan(tensor[mask == 1]).all(), "a masked pixel holds a value"
        print("cutouts-%s.npy %s %s" % (number, tensor.dtype, tensor.shape))
    total += shard["rows"]
assert total == manifest["rows"]
print("numpy ok")

try:
    pd.io.parquet.get_engine("auto")
except ImportError as missing:
    print("pandas no-parquet-engine: %s" % str(missing).splitlines()[0])
    sys.exit(0)
names = [column["name"] for column in manifest["columns"]]
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
