-- Shared by every bench script (loaded with dofile): counts answers per HTTP status in each thread and,
-- in done(), prints one JSON line prefixed BENCH_JSON that bench/wrk.py parses. Latencies are in µs.
statuses = {}
wraps = 0
tid = 0
local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

-- one item per non-empty line
function bench_lines(path)
  local items = {}
  for line in io.lines(path) do
    if #line > 0 then items[#items + 1] = line end
  end
  return items
end

-- a thread-disjoint walk over n items: thread t takes start+t, start+t+step, ...; wraps count restarts
function bench_cursor(n, start, step)
  local c = {pos = start + tid, start = start, step = step, n = n}
  function c.next()
    if c.pos >= c.n then
      c.pos = (c.pos - c.start) % c.step + c.start
      if c.pos >= c.n then c.pos = tid % c.n end
      wraps = wraps + 1
    end
    local i = c.pos
    c.pos = c.pos + c.step
    return i + 1
  end
  return c
end

function done(summary, latency, requests)
  local agg, wrapped = {}, 0
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("statuses")) do agg[k] = (agg[k] or 0) + v end
    wrapped = wrapped + (t:get("wraps") or 0)
  end
  local parts = {}
  for k, v in pairs(agg) do parts[#parts + 1] = string.format('"%d":%d', k, v) end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,' ..
    '"max_us":%d,"mean_us":%.1f,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"statuses":{%s},"wraps":%d}\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, latency.mean, e.connect, e.read, e.write, e.status, e.timeout,
    table.concat(parts, ","), wrapped))
end
