#!/usr/bin/python3
"""What a user would do instead of a dataset build's cutout step: for each object and band, find a plate that holds the
position (astropy WCS), cut a stamp with Cutout2D(mode='partial', fill_value=nan), stack them into a float32
(N, bands, H, W) array with its mask and np.save both. Prints 'astropy: N objects ... objects/s'.
Usage: dataset-cutouts-vs-astropy.py DATA SURVEY BANDS(comma) SIZE POSITIONS.csv N OUT_FOLDER"""
import glob, os, sys, time
import numpy as np
from astropy.io import fits
from astropy.wcs import WCS
from astropy.nddata import Cutout2D
from astropy.coordinates import SkyCoord
import astropy.units as u

data, survey, bands, size, positions, count, out = sys.argv[1:8]
bands = bands.split(","); size = int(size); count = int(count)
lines = [l for l in open(positions).read().splitlines()[1:] if l]
radec = np.array([[float(v) for v in l.split(",")[1:3]] for l in lines[:count]])
started = time.perf_counter()
plates = {}
for band in bands:
    plates[band] = []
    for path in sorted(glob.glob(os.path.join(data, survey, "images", band, "*.fits"))):
        hdul = fits.open(path, memmap=True)
        plates[band].append((hdul[0].data, WCS(hdul[0].header)))
cube = np.full((len(radec), len(bands), size, size), np.nan, dtype=np.float32)
for b, band in enumerate(bands):
    for i, (ra, dec) in enumerate(radec):
        position = SkyCoord(ra * u.deg, dec * u.deg)
        for image, wcs in plates[band]:
            if wcs.footprint_contains(position):
                cube[i, b] = Cutout2D(image, position, (size, size), wcs=wcs, mode="partial",
                                      fill_value=np.nan).data
                break
np.save(os.path.join(out, "astropy-cutouts.npy"), cube)
np.save(os.path.join(out, "astropy-mask.npy"), np.isnan(cube).astype(np.uint8))
seconds = time.perf_counter() - started
print("astropy: %d objects x %d bands in %.1f s, %.1f objects/s" % (len(radec), len(bands), seconds,
      len(radec) / seconds))
