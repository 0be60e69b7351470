-- wrk script for web/load/run.sh: every request uploads one of the documents named after `--`,
-- in turn, to POST /api/check as the page does (a multipart form with the field `file`).
local boundary = "vanban-load-7MA4YWxkTrZu0gW"
local requests = {}
local next_one = 0

function init(args)
  for _, path in ipairs(args) do
    local f = assert(io.open(path, "rb"))
    local data = f:read("*a")
    f:close()
    local name = path:match("[^/]+$")
    local body = "--" .. boundary .. "\r\n"
      .. 'Content-Disposition: form-data; name="file"; filename="' .. name .. '"\r\n'
      .. "Content-Type: text/plain\r\n\r\n" .. data .. "\r\n--" .. boundary .. "--\r\n"
    requests[#requests + 1] = wrk.format("POST", "/api/check",
      { ["Content-Type"] = "multipart/form-data; boundary=" .. boundary }, body)
  end
  assert(#requests > 0, "name the documents after --")
  next_one = math.random(#requests) - 1
end

function request()
  next_one = next_one % #requests + 1
  return requests[next_one]
end

function done(summary, latency, _)
  local e = summary.errors
  local failed = e.connect + e.read + e.write + e.status + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f failed=%d " ..
    "(connect %d, read %d, write %d, status %d, timeout %d) MB_per_s_in=%.1f\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, failed, e.connect, e.read, e.write, e.status, e.timeout,
    summary.bytes / seconds / 1e6))
end
