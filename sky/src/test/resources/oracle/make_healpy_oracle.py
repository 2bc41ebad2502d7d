#!/usr/bin/python3
"""Golden HEALPix NESTED answers from healpy (an independent implementation: HEALPix C++ by Reinecke & Hivon).

Regenerate (Debian python3-healpy 1.16, numpy), from the repository root:
    /usr/bin/python3 sky/src/test/resources/oracle/make_healpy_oracle.py sky/src/test/resources/oracle

Writes two CSV files (deterministic for the fixed seed):
  healpy_hash.csv   ra_deg, dec_deg, depth, hash                   (ang2pix nest=True lonlat=True, nside = 2^depth)
  healpy_cells.csv  depth, hash, centre x y z (pix2vec), the 4 corners (boundaries step=1, in healpy's order
                    north, west, south, east) as x y z, and the 8 neighbours (get_all_neighbours; -1 = none)
Points: a seeded uniform sample of the sphere plus the awkward places: the poles, dec = +-asin(2/3) (the boundary
between the polar caps and the equatorial zone; 41.8103149 deg and its exact value), RA 0 and 360, and the base-cell
edges and corners (RA multiples of 45 and 90 deg at several declinations, including 0).
"""
import math
import os
import sys

import healpy
import numpy as np

SEED = 20261124
DEPTHS = [0, 1, 5, 12, 20, 29]
RANDOM_POINTS = 150


def points():
    rng = np.random.default_rng(SEED)
    ra = rng.uniform(0.0, 360.0, RANDOM_POINTS)
    dec = np.degrees(np.arcsin(rng.uniform(-1.0, 1.0, RANDOM_POINTS)))
    result = [(float(r), float(d)) for r, d in zip(ra, dec)]
    boundary = math.degrees(math.asin(2.0 / 3.0))
    special_decs = [90.0, -90.0, 41.8103149, -41.8103149, boundary, -boundary, 0.0, 10.0, -10.0, 60.0, -60.0,
                    89.9999999, -89.9999999, 41.81, -41.82]
    special_ras = [0.0, 360.0, 45.0, 90.0, 135.0, 180.0, 225.0, 270.0, 315.0, 12.345, 359.9999999]
    for dec_deg in special_decs:
        for ra_deg in special_ras:
            result.append((ra_deg, dec_deg))
    return result


def vector_text(vector):
    return " ".join(repr(float(c)) for c in vector)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    cells = set()
    with open(os.path.join(out, "healpy_hash.csv"), "w") as hashes:
        hashes.write("ra_deg,dec_deg,depth,hash\n")
        for depth in DEPTHS:
            nside = 2 ** depth
            for ra_deg, dec_deg in points():
                cell = int(healpy.ang2pix(nside, ra_deg, dec_deg, nest=True, lonlat=True))
                hashes.write(f"{ra_deg!r},{dec_deg!r},{depth},{cell}\n")
                cells.add((depth, cell))
    with open(os.path.join(out, "healpy_cells.csv"), "w") as table:
        table.write("depth,hash,centre,north,west,south,east,neighbours\n")
        for depth, cell in sorted(cells):
            nside = 2 ** depth
            centre = healpy.pix2vec(nside, cell, nest=True)
            corners = healpy.boundaries(nside, cell, step=1, nest=True)  # shape (3, 4)
            neighbours = healpy.get_all_neighbours(nside, cell, nest=True)
            row = [str(depth), str(cell), vector_text(centre)]
            row += [vector_text(corners[:, k]) for k in range(4)]
            row.append(" ".join(str(int(n)) for n in neighbours))
            table.write(",".join(row) + "\n")


if __name__ == "__main__":
    main()
