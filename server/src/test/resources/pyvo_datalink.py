"""pyvo's DataLink client against skysieve: python3 pyvo_datalink.py DATALINK_URL RA DEC.

Prints one line per #cutout link fetched and per service descriptor processed, each 'KIND BYTES FIRST_CARD'. Uses no
vocabulary look-up (this machine is offline): rows are filtered on their semantics column.
"""
import sys
import warnings

warnings.simplefilter("ignore")
from pyvo.dal.adhoc import DatalinkResults  # noqa: E402

url, ra, dec = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
results = DatalinkResults.from_result_url(url)
for row in results:
    if row.semantics == "#cutout" and not row.service_def:
        data = row.getdataset().read()
        print("link", len(data), data[:8].decode("ascii"))
for processor in results.iter_procs():
    data = processor.processed(circle=(ra, dec, 0.005)).read()
    print("service", processor.service_def, len(data), data[:8].decode("ascii"))
