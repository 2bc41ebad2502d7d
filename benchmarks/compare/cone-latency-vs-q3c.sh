#!/usr/bin/env bash
# Cone search latency side by side in one run: PostgreSQL + q3c (what DaCHS runs on) against skysieve, on the same
# rows (deep_optical of a medium sky) and the same random cones. Starts a throw-away PostgreSQL server in a temporary
# folder (as the current user, or as user postgres when run as root), loads the survey, indexes it with q3c, runs
# org.skysieve.benchmarks.ConeLatencyVsPostgres, then stops the server and deletes the folder.
#
# Needs the Debian packages postgresql and postgresql-15-q3c (apt-get install postgresql postgresql-15-q3c) and
# the benchmarks jar (mvn -q -B -o -pl benchmarks -am package -DskipTests).
# Usage: benchmarks/compare/cone-latency-vs-q3c.sh [DATA] [CONES] [RADIUS_DEG] [MEMORY_TABLES_MB] [PORT]
set -euo pipefail
data=${1:-/tmp/medium-sky}
cones=${2:-200}
radius=${3:-0.1}
memory_mb=${4:-2048}
port=${5:-55432}
here=$(cd "$(dirname "$0")/../.." && pwd)
jar="$here/benchmarks/target/benchmarks.jar"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "PostgreSQL is not installed: apt-get install postgresql postgresql-15-q3c" >&2
    exit 2
fi
if ! ls /usr/share/postgresql/*/extension/q3c.control >/dev/null 2>&1; then
    echo "q3c is not installed: apt-get install postgresql-15-q3c" >&2
    exit 2
fi
[ -f "$jar" ] || { echo "Build the benchmarks jar first: mvn -q -B -o -pl benchmarks -am package -DskipTests" >&2; exit 2; }
folder=$(mktemp -d /tmp/skysieve-q3c-XXXXXX)
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then chown postgres "$folder"; fi
stop() {
    as_owner "$bin/pg_ctl" -D "$folder/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$folder"
}
trap stop EXIT
as_owner "$bin/initdb" -D "$folder/data" -U skysieve --auth=trust >/dev/null
# the same kind of settings a small DaCHS installation would have; data fits in shared buffers
as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w \
    -o "-p $port -k $folder -c listen_addresses=localhost -c shared_buffers=512MB -c fsync=off -c synchronous_commit=off" start >/dev/null
"$bin/createdb" -h localhost -p "$port" -U skysieve cones
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') with q3c on port $port; uptime: $(uptime)"
java -cp "$jar" org.skysieve.benchmarks.ConeLatencyVsPostgres "$data" "$cones" "$radius" \
    "jdbc:postgresql://localhost:$port/cones?user=skysieve" "$memory_mb"
echo "uptime after: $(uptime)"
