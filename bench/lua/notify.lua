-- WeChat Pay notifications, each distinct and signed: lines of timestamp, nonce, signature, serial and the
-- JSON body separated by tabs, generated right before the run. args: path file start nthreads
dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")

local path, notes, cursor

function init(args)
  path = args[1]
  notes = {}
  for _, line in ipairs(bench_lines(args[2])) do
    local ts, nonce, sig, serial, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
    notes[#notes + 1] = {ts = ts, nonce = nonce, sig = sig, serial = serial, body = body}
  end
  cursor = bench_cursor(#notes, tonumber(args[3]), tonumber(args[4]))
end

function request()
  local n = notes[cursor.next()]
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/json",
    ["Wechatpay-Timestamp"] = n.ts,
    ["Wechatpay-Nonce"] = n.nonce,
    ["Wechatpay-Signature"] = n.sig,
    ["Wechatpay-Serial"] = n.serial,
    ["Wechatpay-Signature-Type"] = "WECHATPAY2-SHA256-RSA2048",
  }, n.body)
end
