-- wrk script of the single check-in bench (bench/checkins.sh): each request is one POST
-- .../check-ins with a fresh client id, a random member and a random status, as CheckInLoad sends.
-- Arguments (after --): path, bearer token, first and last person id (contiguous), a run nonce
-- (a number below 2^32) that keeps ids unique across wrk runs. done() prints key=value lines.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  path, token, pmin, pmax, nonce = args[1], args[2], tonumber(args[3]), tonumber(args[4]), tonumber(args[5])
  math.randomseed(os.time() * 1000 + tid)
  statuses = { "SAFE", "NEEDS_HELP", "NOT_AT_POST" }
  headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
  ok, bad = 0, 0
end

function request()
  counter = counter + 1
  -- A version-4 shaped UUID, unique per run (nonce), thread (tid) and request (counter).
  local id = string.format("%08x-%04x-4000-8000-%012x", nonce, tid, counter)
  local body = string.format('{"id":"%s","personId":%d,"status":"%s","channel":"GATE"}',
    id, math.random(pmin, pmax), statuses[math.random(1, 3)])
  return wrk.format("POST", path, headers, body)
end

function response(status, headers, body)
  if status == 201 then ok = ok + 1 else bad = bad + 1 end
end

function done(summary, latency, requests)
  local ok_all, bad_all = 0, 0
  for _, t in ipairs(threads) do
    ok_all = ok_all + t:get("ok")
    bad_all = bad_all + t:get("bad")
  end
  io.write(string.format("wrk_requests=%d\nwrk_created=%d\nwrk_other=%d\n", summary.requests, ok_all, bad_all))
  io.write(string.format("wrk_socket_errors=%d\nwrk_duration_s=%.3f\n",
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration / 1e6))
  io.write(string.format("lat_mean_ms=%.2f\nlat_p50_ms=%.2f\nlat_p95_ms=%.2f\nlat_p99_ms=%.2f\nlat_max_ms=%.2f\n",
    latency.mean / 1000, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
