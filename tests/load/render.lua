-- wrk script: POSTs the referral-certificate example payload and asks for a PDF.
--   PAYLOAD=forms/referral-certificate/2025-733/example.json wrk -s tests/load/render.lua ...
-- MAX_REQUESTS (optional): each thread stops after MAX_REQUESTS / threads responses (the soak's fixed count).
-- Non-200 responses are counted and printed at the end: a load run that fails requests is not a result.
local path = os.getenv("PAYLOAD") or "forms/referral-certificate/2025-733/example.json"
local f = assert(io.open(path, "rb"), "cannot read " .. path)
local body = f:read("*a")
f:close()

wrk.method = "POST"
wrk.path = os.getenv("RENDER_PATH") or "/api/forms/referral-certificate/render?format=pdf"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"

local threads = {}
local max_total = tonumber(os.getenv("MAX_REQUESTS") or "0")

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  responses = 0
  failures = 0
  local nthreads = tonumber(args[1] or "1")
  limit = max_total > 0 and math.ceil(max_total / nthreads) or 0
end

function response(status, headers, body)
  local now = os.time()
  if responses == 0 then first = now end
  last = now
  responses = responses + 1
  if status ~= 200 then
    failures = failures + 1
  end
  if limit > 0 and responses >= limit then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local ok, bad, t0, t1 = 0, 0, nil, nil
  for _, t in ipairs(threads) do
    ok = ok + (t:get("responses") or 0)
    bad = bad + (t:get("failures") or 0)
    local f, l = t:get("first"), t:get("last")
    if f and (t0 == nil or f < t0) then t0 = f end
    if l and (t1 == nil or l > t1) then t1 = l end
  end
  io.write(string.format("LUA_RESPONSES=%d\nLUA_NON200=%d\n", ok, bad))
  -- Wall time from the first to the last response (1 s resolution): the rate of a run that stopped at MAX_REQUESTS.
  if t0 and t1 and t1 > t0 then
    io.write(string.format("ACTIVE_S=%d\nACTIVE_RPS=%.1f\n", t1 - t0, ok / (t1 - t0)))
  end
  io.write(string.format("RPS=%.1f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("P50_MS=%.2f\nP99_MS=%.2f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
