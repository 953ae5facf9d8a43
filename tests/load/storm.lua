-- wrk script for the storm: POSTs the referral-certificate example and counts answers by status.
local f = assert(io.open(os.getenv("PAYLOAD") or "forms/referral-certificate/2025-733/example.json", "rb"))
local body = f:read("*a")
f:close()
wrk.method = "POST"
wrk.path = "/api/forms/referral-certificate/render?format=pdf"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"

local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) ok = 0; busy = 0; other = 0 end
function response(status, headers, body)
  if status == 200 then ok = ok + 1 elseif status == 503 or status == 429 then busy = busy + 1 else other = other + 1 end
end
function done(summary, latency, requests)
  local o, b, x = 0, 0, 0
  for _, t in ipairs(threads) do o = o + t:get("ok"); b = b + t:get("busy"); x = x + t:get("other") end
  io.write(string.format("answers: 200=%d 503/429=%d other=%d\n", o, b, x))
  io.write(string.format("latency (all answers): p50=%.1f ms p99=%.1f ms max=%.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  if x > 0 then io.write("FAIL: answers other than 200 and 503/429\n") end
end
