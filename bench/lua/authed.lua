-- Authorized requests, each with the next member's bearer token from a pre-minted, shuffled token file.
-- args: method path token_file start nthreads [body]
dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")

local method, path, body, tokens, cursor

function init(args)
  method, path, body = args[1], args[2], args[6]
  tokens = bench_lines(args[3])
  cursor = bench_cursor(#tokens, tonumber(args[4]), tonumber(args[5]))
end

function request()
  local headers = {["Authorization"] = "Bearer " .. tokens[cursor.next()]}
  if body then headers["Content-Type"] = "application/json" end
  return wrk.format(method, path, headers, body)
end
