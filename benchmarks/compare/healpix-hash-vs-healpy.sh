#!/usr/bin/env bash
# HEALPix hashing at depth 29, side by side in one run: skysieve (JMH) and healpy (numpy-vectorised, C++ inside).
# Needs: python3-healpy (Debian). Usage: benchmarks/compare/healpix-hash-vs-healpy.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
[[ -f benchmarks/target/benchmarks.jar ]] || mvn -q -B -DskipTests package
skysieve_ns="$(java -jar benchmarks/target/benchmarks.jar HealpixHashBenchmark -f 1 -wi 3 -i 5 -rf csv -rff /tmp/healpix-hash.csv >/dev/null && tail -1 /tmp/healpix-hash.csv | cut -d, -f5)"
healpy_line="$(/usr/bin/python3 benchmarks/compare/healpy_hash.py)"
healpy_ns="$(sed -E 's/.*: ([0-9.]+) ns.*/\1/' <<<"$healpy_line")"
echo "skysieve HealpixNested.hash depth 29: ${skysieve_ns} ns/point (JMH, one thread)"
echo "$healpy_line"
awk -v s="$skysieve_ns" -v h="$healpy_ns" 'BEGIN { printf "healpy / skysieve time ratio: %.2f\n", h / s }'
