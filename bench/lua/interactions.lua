-- Community interactions, each distinct and HMAC-signed by the bench source: lines of source id, timestamp,
-- signature and JSON body separated by tabs, generated right before each part.
-- args: path file start nthreads
dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")

local path, items, cursor

function init(args)
  path = args[1]
  items = {}
  for _, line in ipairs(bench_lines(args[2])) do
    local source, ts, sig, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
    items[#items + 1] = {source = source, ts = ts, sig = sig, body = body}
  end
  cursor = bench_cursor(#items, tonumber(args[3]), tonumber(args[4]))
end

function request()
  local e = items[cursor.next()]
  return wrk.format("POST", path, {["Content-Type"] = "application/json", ["X-Jifen-Source"] = e.source,
                                   ["X-Jifen-Timestamp"] = e.ts, ["X-Jifen-Signature"] = e.sig}, e.body)
end
