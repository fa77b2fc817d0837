-- Logins of random existing members: `sandbox:b<id>` codes always work in the sandbox and map to the
-- openids the harness seeded. args: path members
dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")

local path, members

function init(args)
  path, members = args[1], tonumber(args[2])
  math.randomseed(os.time() * 100 + tid)
end

function request()
  local body = string.format('{"code":"sandbox:b%d"}', math.random(1, members))
  return wrk.format("POST", path, {["Content-Type"] = "application/json"}, body)
end
