"""Reads a table file with astropy and prints its cells as JSON: masked -> null, NaN -> "NaN", infinities -> "+Inf"/"-Inf".

Usage: astropy_read.py votable|fits FILE. An independent reader for skysieve's writers (RoundTrip tests).
"""
import json
import math
import sys

import numpy as np
from astropy.table import Table
from astropy.io.votable import parse

kind, path = sys.argv[1], sys.argv[2]
if kind == "votable":
    vot = parse(path)
    table = vot.get_first_table().to_table()
    infos = [(i.name, i.value) for r in vot.resources for i in r.infos]
else:
    table = Table.read(path, format="fits", hdu=1, mask_invalid=False)
    infos = []


def cell(value, masked):
    if masked:
        return None
    if isinstance(value, (np.floating, float)):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "+Inf" if value > 0 else "-Inf"
        return float(value)
    if isinstance(value, (np.integer, int)):
        return int(value)
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, bytes):
        return value.decode("utf-8")
    return str(value)


columns = {}
for name in table.colnames:
    column = table[name]
    mask = getattr(column, "mask", None)
    values = []
    for i in range(len(column)):
        masked = bool(mask[i]) if mask is not None and np.ndim(mask) > 0 else False
        values.append(cell(column[i], masked))
    columns[name] = {"values": values, "unit": str(column.unit) if column.unit is not None else ""}
print(json.dumps({"columns": columns, "infos": infos}))
