#!/usr/bin/env bash
# A bounded load test of `vanban serve` on 127.0.0.1 (issue 17): many clients at once upload real
# documents to POST /api/check for a fixed time; prints requests per second, latency percentiles,
# failed requests and the server's peak memory (VmHWM), then checks the server still answers.
# Exits 1 on any failed request.
#
#   web/load/run.sh [-c CLIENTS] [-d SECONDS] [-t THREADS] [FILE...]
#
# Defaults: 64 clients, 20 s, 2 wrk threads, the seed report corpus/000_9ebb4c68ea5cda49.txt
# (27 KB). Measure a release build: `cargo build --release` (VANBAN=path picks another binary;
# SERVE_ARGS adds arguments to `vanban serve`). Needs wrk (Debian package wrk).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
clients=64 seconds=20 threads=2
while getopts c:d:t: opt; do
  case $opt in
    c) clients=$OPTARG ;;
    d) seconds=$OPTARG ;;
    t) threads=$OPTARG ;;
    *) echo "usage: $0 [-c CLIENTS] [-d SECONDS] [-t THREADS] [FILE...]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("$repo/corpus/000_9ebb4c68ea5cda49.txt")
command -v wrk >/dev/null || { echo "$0: needs wrk (apt-get install wrk)" >&2; exit 2; }
target=${CARGO_TARGET_DIR:-$repo/target}
bin=${VANBAN:-$target/release/vanban}
[ -x "$bin" ] || { echo "$0: no $bin: run cargo build --release first" >&2; exit 2; }

log=$(mktemp)
# shellcheck disable=SC2086
"$bin" serve --bind 127.0.0.1:0 ${SERVE_ARGS:-} >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$log"' EXIT
url=
for _ in $(seq 100); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$log" || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$log" >&2; exit 2; }

sizes=$(for f in "${files[@]}"; do printf '%s (%s B) ' "$(basename "$f")" "$(wc -c <"$f")"; done)
echo "vanban serve at $url (pid $pid), $clients clients, $threads wrk threads, ${seconds} s; documents: $sizes"
out=$(wrk -t"$threads" -c"$clients" -d"${seconds}s" --timeout 10s --latency \
  -s "$here/check.lua" "$url" -- "${files[@]}")
echo "$out"
peak=$(awk '/VmHWM/ {print $2, $3}' "/proc/$pid/status")
rss=$(awk '/VmRSS/ {print $2, $3}' "/proc/$pid/status")
echo "server memory: peak $peak (VmHWM), now $rss (VmRSS)"
status=$(curl -s -o /dev/null -w '%{http_code}' "${url}api/profiles")
echo "after the load: GET /api/profiles answers $status"
failed=$(echo "$out" | sed -n 's/.* failed=\([0-9]*\) .*/\1/p')
non2xx=$(echo "$out" | sed -n 's/.*Non-2xx or 3xx responses: \([0-9]*\).*/\1/p')
[ "${failed:-1}" -eq 0 ] && [ -z "$non2xx" ] && [ "$status" = 200 ]
