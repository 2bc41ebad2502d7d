#!/usr/bin/env bash
# Status look-ups over 1M positions per band, side by side: skysieve (BandStatusMap, Java) and the same look-up written
# with healpy + numpy on the MOC files (what a Python user would do; mocpy is not packaged in Debian).
# Needs: python3-healpy, python3-astropy (Debian). Usage: benchmarks/compare/status-lookup-vs-healpy.sh DATA [survey] [band]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="$(cd "${1:?usage: $0 DATA [survey] [band]}" && pwd)"
survey="${2:-deep_optical}"
band="${3:-r}"
cd "$root"
[[ -f benchmarks/target/benchmarks.jar ]] || mvn -q -B -DskipTests package
java -cp benchmarks/target/benchmarks.jar org.skysieve.benchmarks.StatusLookupRate "$data" "$survey" 2>/dev/null | grep -E "^$survey $band:"
/usr/bin/python3 benchmarks/compare/status_lookup_healpy.py "$data/$survey/footprint/coverage_$band.moc.fits" "$data/$survey/footprint/masks_$band.moc.fits"
