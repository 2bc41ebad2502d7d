"""Reads a VOTable or FITS result with astropy and prints its geometry columns as JSON: per column its xtype (VOTable),
unit and per row a list of floats, or null when astropy masks the whole cell. Usage: astropy_geometry.py votable|fits FILE"""
import json
import sys

import numpy


def cell(value):
    if value is numpy.ma.masked:
        return None
    if numpy.ma.isMaskedArray(value):
        if value.mask is not numpy.ma.nomask and numpy.all(value.mask):
            return None
        value = value.filled(numpy.nan)
    array = numpy.asarray(value, dtype=float).ravel()
    return [None if numpy.isnan(x) else float(x) for x in array]


def main():
    kind, path = sys.argv[1], sys.argv[2]
    columns = {}
    if kind == "votable":
        from astropy.io.votable import parse_single_table
        table = parse_single_table(path)
        for field in table.fields:
            data = table.array[field.name]
            columns[field.name] = {"xtype": field.xtype or "", "arraysize": field.arraysize or "",
                                   "unit": str(field.unit or ""), "values": [cell(v) for v in data]}
    else:
        from astropy.io import fits
        with fits.open(path) as hdus:
            hdu = hdus[1]
            for index, name in enumerate(hdu.columns.names):
                column = hdu.columns[index]
                data = hdu.data[name]
                columns[name] = {"xtype": "", "arraysize": column.format, "unit": str(column.unit or ""),
                                 "values": [cell(v) for v in data]}
    json.dump({"columns": columns}, sys.stdout)


main()
