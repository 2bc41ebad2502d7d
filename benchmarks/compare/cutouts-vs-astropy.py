#!/usr/bin/python3
"""astropy Cutout2D on the same plate and positions as CutoutRate (64 x 64, mode='partial', NaN fill): with a sky
position each time, with pixel positions converted once, and plain NumPy slicing (the ceiling). Best of 3 passes.
Usage: cutouts-vs-astropy.py POSITIONS.csv"""
import sys, time
import numpy as np
from astropy.io import fits
from astropy.wcs import WCS
from astropy.nddata import Cutout2D
from astropy.coordinates import SkyCoord
import astropy.units as u

lines = open(sys.argv[1]).read().splitlines()
plate = lines[0].split("=", 1)[1]
radec = np.array([[float(v) for v in line.split(",")] for line in lines[2:]])
hdul = fits.open(plate, memmap=True)
data = hdul[0].data
wcs = WCS(hdul[0].header)
n = len(radec)

def best(f):
    rates = []
    for _ in range(3):
        t = time.perf_counter(); f(); rates.append(n / (time.perf_counter() - t))
    return max(rates)

def sky():
    for ra, dec in radec:
        Cutout2D(data, SkyCoord(ra * u.deg, dec * u.deg), (64, 64), wcs=wcs, mode="partial")
xy = wcs.all_world2pix(radec, 0)
def pixels():
    for x, y in xy:
        Cutout2D(data, (x, y), (64, 64), wcs=wcs, mode="partial")
def slicing():
    for x, y in xy:
        x0 = int(np.ceil(x - 32)); y0 = int(np.ceil(y - 32))
        np.array(data[max(0, y0):y0 + 64, max(0, x0):x0 + 64])
for name, f in (("astropy Cutout2D, sky position each", sky), ("astropy Cutout2D, pixel positions", pixels),
                ("NumPy slicing (ceiling)", slicing)):
    print(f"{name}: {best(f):.0f} stamps/s ({n} stamps)")
