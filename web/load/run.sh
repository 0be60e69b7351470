#!/usr/bin/env bash
# A bounded load test of `vanban serve` on 127.0.0.1 (issue 17): many clients at once upload real
# documents to POST /api/check as the page does; prints requests per second, latency percentiles,
# failed requests and the server's peak memory (VmHWM), then checks the server still answers.
# Exits 1 on any failed request.
#
#   web/load/run.sh [-c CLIENTS] [-d SECONDS] [-t THREADS] [FILE...]     as fast as it goes (wrk)
#   web/load/run.sh -r RATE -n REQUESTS [-c CLIENTS] [FILE]              a fixed rate (hey)
#
# The first form runs wrk for a fixed time, every client sending its next request as soon as
# its answer arrives: the throughput. The second sends a fixed number of requests at a fixed
# rate (requests per second) with hey: the latency at that load. Defaults: 64 clients, 20 s, 2
# wrk threads, the seed report corpus/000_9ebb4c68ea5cda49.txt (27 KB). Measure a release build:
# `cargo build --release` (VANBAN=path picks another binary; SERVE_ARGS adds arguments to
# `vanban serve`). Needs wrk or hey (Debian packages wrk, hey).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
clients=64 seconds=20 threads=2 rate= count=
while getopts c:d:t:r:n: opt; do
  case $opt in
    c) clients=$OPTARG ;;
    d) seconds=$OPTARG ;;
    t) threads=$OPTARG ;;
    r) rate=$OPTARG ;;
    n) count=$OPTARG ;;
    *) echo "usage: $0 [-c CLIENTS] [-d SECONDS] [-t THREADS] [-r RATE -n REQUESTS] [FILE...]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("$repo/corpus/000_9ebb4c68ea5cda49.txt")
tool=wrk
[ -z "$rate" ] || tool=hey
command -v $tool >/dev/null || { echo "$0: needs $tool (apt-get install $tool)" >&2; exit 2; }
target=${CARGO_TARGET_DIR:-$repo/target}
bin=${VANBAN:-$target/release/vanban}
[ -x "$bin" ] || { echo "$0: no $bin: run cargo build --release first" >&2; exit 2; }

log=$(mktemp)
# shellcheck disable=SC2086
"$bin" serve --bind 127.0.0.1:0 ${SERVE_ARGS:-} >"$log" 2>&1 &
pid=$!
body=$(mktemp)
trap 'kill $pid 2>/dev/null; rm -f "$log" "$body"' EXIT
url=
for _ in $(seq 100); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$log" || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$log" >&2; exit 2; }

sizes=$(for f in "${files[@]}"; do printf '%s (%s B) ' "$(basename "$f")" "$(wc -c <"$f")"; done)
if [ -z "$rate" ]; then
  echo "vanban serve at $url (pid $pid), wrk: $clients clients, $threads threads, ${seconds} s; documents: $sizes"
  out=$(wrk -t"$threads" -c"$clients" -d"${seconds}s" --timeout 10s --latency \
    -s "$here/check.lua" "$url" -- "${files[@]}")
  echo "$out"
  failed=$(echo "$out" | sed -n 's/.* failed=\([0-9]*\) .*/\1/p')
  non2xx=$(echo "$out" | sed -n 's/.*Non-2xx or 3xx responses: \([0-9]*\).*/\1/p')
  [ -z "$non2xx" ] || failed=$((failed + non2xx))
else
  : "${count:=$((rate * 20))}"
  echo "vanban serve at $url (pid $pid), hey: $count requests at $rate/s, $clients clients; document: $sizes"
  boundary=vanban-load-7MA4YWxkTrZu0gW
  {
    printf -- '--%s\r\nContent-Disposition: form-data; name="file"; filename="%s"\r\n' \
      "$boundary" "$(basename "${files[0]}")"
    printf 'Content-Type: text/plain\r\n\r\n'
    cat "${files[0]}"
    printf -- '\r\n--%s--\r\n' "$boundary"
  } >"$body"
  # hey's -q is a rate per client.
  per_client=$(awk -v r="$rate" -v c="$clients" 'BEGIN { printf "%.3f", r / c }')
  out=$(hey -n "$count" -c "$clients" -q "$per_client" -t 10 -m POST \
    -T "multipart/form-data; boundary=$boundary" -D "$body" "${url}api/check")
  echo "$out"
  ok=$(echo "$out" | sed -n 's/.*\[200\][[:space:]]*\([0-9]*\) responses.*/\1/p')
  failed=$((count - ${ok:-0}))
  echo "RESULT requests=$count ok=${ok:-0} failed=$failed"
fi
peak=$(awk '/VmHWM/ {print $2, $3}' "/proc/$pid/status")
rss=$(awk '/VmRSS/ {print $2, $3}' "/proc/$pid/status")
echo "server memory: peak $peak (VmHWM), now $rss (VmRSS)"
status=$(curl -s -o /dev/null -w '%{http_code}' "${url}api/profiles")
echo "after the load: GET /api/profiles answers $status"
[ "${failed:-1}" -eq 0 ] && [ "$status" = 200 ]
