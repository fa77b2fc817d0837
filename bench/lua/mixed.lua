-- Mixed member traffic for warm-up and the soak: balance and ledger reads of members with history,
-- check-ins of fresh members (walked in order), logins of random members.
-- args: prefix read_tokens checkin_tokens nthreads members mix   (mix like "points:30,ledger:30,checkin:30,login:10")
dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")

local prefix, readers, checkers, cursor, members, wheel

function init(args)
  prefix = args[1]
  readers = bench_lines(args[2])
  checkers = bench_lines(args[3])
  cursor = bench_cursor(#checkers, 0, tonumber(args[4]))
  members = tonumber(args[5])
  wheel = {}
  for name, weight in string.gmatch(args[6], "(%w+):(%d+)") do
    for _ = 1, tonumber(weight) do wheel[#wheel + 1] = name end
  end
  math.randomseed(os.time() * 100 + tid)
end

function request()
  local kind = wheel[math.random(1, #wheel)]
  if kind == "checkin" then
    return wrk.format("POST", prefix .. "/checkins", {["Authorization"] = "Bearer " .. checkers[cursor.next()]})
  elseif kind == "login" then
    return wrk.format("POST", prefix .. "/auth/login", {["Content-Type"] = "application/json"},
                      string.format('{"code":"sandbox:b%d"}', math.random(1, members)))
  end
  local token = readers[math.random(1, #readers)]
  local path = kind == "ledger" and "/points/ledger" or "/points"
  return wrk.format("GET", prefix .. path, {["Authorization"] = "Bearer " .. token})
end
