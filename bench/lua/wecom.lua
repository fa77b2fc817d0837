-- WeCom callbacks, each a distinct encrypted and signed event: lines of the query string (msg_signature,
-- timestamp, nonce) and the XML body separated by a tab, generated right before each part.
-- args: path file start nthreads
dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")

local path, events, cursor

function init(args)
  path = args[1]
  events = {}
  for _, line in ipairs(bench_lines(args[2])) do
    local query, body = line:match("^([^\t]*)\t(.*)$")
    events[#events + 1] = {query = query, body = body}
  end
  cursor = bench_cursor(#events, tonumber(args[3]), tonumber(args[4]))
end

function request()
  local e = events[cursor.next()]
  return wrk.format("POST", path .. "?" .. e.query, {["Content-Type"] = "text/xml"}, e.body)
end
