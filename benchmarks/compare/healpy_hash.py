#!/usr/bin/python3
"""Times healpy's ang2pix (NESTED, depth 29) on uniform random points: the peer for HealpixHashBenchmark.

Prints one line: 'healpy ang2pix depth 29: N ns/point (P points, best of R)'.
"""
import sys
import time

import healpy
import numpy

points = int(sys.argv[1]) if len(sys.argv) > 1 else 4_000_000
repeats = 5
rng = numpy.random.default_rng(42)
lon_deg = rng.uniform(0.0, 360.0, points)
lat_deg = numpy.degrees(numpy.arcsin(rng.uniform(-1.0, 1.0, points)))
nside = 2 ** 29
best = float("inf")
for _ in range(repeats):
    start = time.perf_counter()
    healpy.ang2pix(nside, lon_deg, lat_deg, nest=True, lonlat=True)
    best = min(best, time.perf_counter() - start)
print(f"healpy ang2pix depth 29: {best / points * 1e9:.1f} ns/point ({points} points, best of {repeats})")
