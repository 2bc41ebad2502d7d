#!/usr/bin/env bash
# The download rate of a large TAP result as a user sees it: curl to /dev/null (the bytes on the wire) and pyvo reading
# the result into an astropy table (what a Python user runs), for VOTable BINARY2 and Parquet, for SELECT * and for a
# 14-column selection of deep_optical. Each JAR given is served from its own port on the same data, and the runs
# alternate between them (before/after in one run, on the same load); the load average is printed beside each figure.
#
# Usage: benchmarks/compare/tap-bulk-download.sh DATA ROWS [RUNS] JAR...
#   DATA: a data folder with deep_optical (a medium sky: ./skysieve generate --out DATA --scale medium)
#   JAR:  skysieve.jar files (cli/target/skysieve.jar; copy the one of the previous commit to compare), each optionally
#         followed by =JAVA_OPTIONS (space-separated, e.g. "new.jar=-Dx=1 -Xmx2g") for its server
# Environment: FORMATS (default "votable parquet"), SELECTIONS (default "all some"), PYVO=0 to skip pyvo (run by
#   PYTHON_FOR_PYVO, default /usr/bin/python3: Debian's python3-pyvo),
#   ACCEPT_GZIP=1 to send "Accept-Encoding: gzip, deflate" as pyvo does (curl does not decompress: the bytes sent are timed),
#   WARMUPS: downloads per server before the timed runs (default 1; the first few carry the JIT's compilations),
#   SERVE_OPTIONS: options of every server's `serve` (e.g. "--memory-tables-mb 0" to read the Parquet files only;
#   by default `serve` copies the tables into memory within an eighth of RAM).
set -euo pipefail
data="$1"; rows="$2"; runs="${3:-3}"; shift 3
jars=("$@")
formats="${FORMATS:-votable parquet}"
selections="${SELECTIONS:-all some}"
some="id, ra, dec, pos_err, class_star, flux_radius, flags, mag_g, magerr_g, mag_r, magerr_r, mag_i, magerr_i, name"
pids=(); ports=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
port=18470
for spec in "${jars[@]}"; do
  jar="${spec%%=*}"; options=""; [[ "$spec" == *=* ]] && options="${spec#*=}"
  # one after the other: each server rewrites DATA/.tap/tap_schema when it starts
  # shellcheck disable=SC2086
  java $options -jar "$jar" serve --data "$data" --port "$port" ${SERVE_OPTIONS:-} >"/tmp/tap-bulk-serve-$port.log" 2>&1 &
  pids+=("$!"); ports+=("$port")
  for _ in $(seq 1 240); do curl -sf "http://localhost:$port/tap/availability" >/dev/null && break; sleep 0.5; done
  curl -sf "http://localhost:$port/tap/availability" >/dev/null || { echo "server $spec did not start: /tmp/tap-bulk-serve-$port.log" >&2; exit 1; }
  port=$((port + 1))
done
load() { cut -d' ' -f1 /proc/loadavg; }
# CPU seconds used so far by a process and its threads (DuckDB's included): user + system, from /proc
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / hz }' "/proc/$1/stat"; }
urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
for selection in $selections; do
  columns="*"; [[ "$selection" == some ]] && columns="$some"
  query="SELECT TOP $rows $columns FROM deep_optical.sources"
  encoded="$(urlencode "$query")"
  for format in $formats; do
    for i in "${!jars[@]}"; do   # warm up each server
      for _ in $(seq 1 "${WARMUPS:-1}"); do
        curl -sf -o /dev/null "http://localhost:${ports[$i]}/tap/sync?LANG=ADQL&MAXREC=$rows&RESPONSEFORMAT=$format&QUERY=$encoded"
      done
    done
    for run in $(seq 1 "$runs"); do
      for i in "${!jars[@]}"; do
        before="$(cpu "${pids[$i]}")"
        read -r seconds bytes < <(curl -sf -o /dev/null -w '%{time_total} %{size_download}\n' ${ACCEPT_GZIP:+-H 'Accept-Encoding: gzip, deflate'} \
          "http://localhost:${ports[$i]}/tap/sync?LANG=ADQL&MAXREC=$rows&RESPONSEFORMAT=$format&QUERY=$encoded")
        after="$(cpu "${pids[$i]}")"
        python3 -c "import sys; s, b, r, c = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[8]);
print(f'{sys.argv[9]:<5} {sys.argv[4]:<40} {sys.argv[5]:<5} {sys.argv[6]:<8} {r:,} rows {s:6.2f} s {r / s:>12,.0f} rows/s {b / r:6.1f} bytes/row  x{r / s / 137000:5.2f} DaCHS  server CPU {c:5.2f} s  load {sys.argv[7]}')" \
          "$seconds" "$bytes" "$rows" "$(basename "${jars[$i]}" | sed "s/-Dskysieve.//" | cut -c1-40)" "$selection" "$format" "$(load)" \
          "$(python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$before" "$after")" "curl${ACCEPT_GZIP:++gz}"
      done
    done
    if [[ "${PYVO:-1}" != 0 && "$format" == votable ]]; then
      for i in "${!jars[@]}"; do
        "${PYTHON_FOR_PYVO:-/usr/bin/python3}" - "http://localhost:${ports[$i]}/tap" "$query" "$rows" "$(basename "${jars[$i]}" | sed "s/-Dskysieve.//" | cut -c1-40)" "$selection" <<'PY'
import sys, time, warnings
import pyvo
warnings.simplefilter("ignore")
url, query, rows, name, selection = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
start = time.perf_counter()
table = pyvo.dal.TAPService(url).run_sync(query, maxrec=rows).to_table()
seconds = time.perf_counter() - start
assert len(table) == rows, len(table)
load = open("/proc/loadavg").read().split()[0]
print(f"pyvo  {name:<40} {selection:<5} votable  {rows:,} rows {seconds:6.2f} s {rows / seconds:>12,.0f} rows/s (astropy table)        x{rows / seconds / 137000:5.2f} DaCHS  load {load}")
PY
      done
    fi
  done
done
