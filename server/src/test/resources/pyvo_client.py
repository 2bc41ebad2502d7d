"""pyvo (Debian python3-pyvo) as a TAP client of a running skysieve: sync, async, upload and overflow.

Usage: pyvo_client.py TAP_URL RA DEC RADIUS (degrees: a cone on the sky served). Prints one JSON object with what each call returned; TapClientsTest checks it.
"""
import json
import sys
import warnings

import pyvo
from astropy.table import Table

warnings.simplefilter("ignore")
service = pyvo.dal.TAPService(sys.argv[1])
out = {}

result = service.search("SELECT TOP 5 id, ra, dec FROM deep_optical.sources ORDER BY id")
out["sync"] = [int(value) for value in result["id"]]

job = service.submit_job("SELECT TOP 7 id FROM deep_optical.sources ORDER BY id")
job.run()
job.wait(phases=["COMPLETED", "ERROR", "ABORTED"], timeout=60)
out["async_phase"] = job.phase
out["async"] = [int(value) for value in job.fetch_result().to_table()["id"]]
job.delete()

mine = Table({"id": out["sync"][:3], "label": ["a", "b", "c"]})
result = service.search("SELECT s.id, u.label FROM deep_optical.sources AS s JOIN TAP_UPLOAD.mine AS u ON s.id = u.id"
                        " ORDER BY s.id", uploads={"mine": mine})
out["upload"] = [[int(row["id"]), str(row["label"])] for row in result]

result = service.search("SELECT id FROM deep_optical.sources", maxrec=3)
out["overflow_rows"] = len(result)
out["overflow_status"] = result.query_status

ra, dec, radius = float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
result = service.search("SELECT id FROM deep_optical.sources"
                        f" WHERE CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', {ra}, {dec}, {radius})) = 1")
out["cone"] = sorted(int(value) for value in result["id"])

result = service.search("SELECT o.id AS oid, n.sourceid AS nid FROM deep_optical.sources AS o JOIN near_infrared.sources AS n"
                        " ON CONTAINS(POINT('ICRS', n.ra, n.dec), CIRCLE('ICRS', o.ra, o.dec, 1.0 / 3600)) = 1"
                        f" WHERE CONTAINS(POINT('ICRS', o.ra, o.dec), CIRCLE('ICRS', {ra}, {dec}, {radius})) = 1")
out["join"] = sorted([int(row["oid"]), int(row["nid"])] for row in result)

try:
    service.search("SELECT nothing FROM nowhere.at_all")
    out["error"] = None
except pyvo.dal.DALQueryError as error:
    out["error"] = str(error)

print(json.dumps(out))
