-- wrk script shared by bench/run.py and bench/load.py.
--
-- Arguments after the URL (wrk URL -- args): paths to rotate through in turn, and
-- optionally max=N, the most responses a thread waits for before it stops (so a run is
-- bounded in requests as well as in time), and status=N, the one status expected (a
-- conditional request's 304) instead of any 2xx.
-- At the end it prints one JSON line: counts, and latency percentiles in microseconds.
-- wrk itself counts only statuses from 400 up as errors; here anything outside 2xx is
-- (or anything but the status expected).

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   paths = {}
   max_responses = 0
   expected = nil
   responses = 0
   non2xx = 0
   position = 0
   for i = 1, #args do
      local value = args[i]
      if value:sub(1, 4) == "max=" then
         max_responses = tonumber(value:sub(5))
      elseif value:sub(1, 7) == "status=" then
         expected = tonumber(value:sub(8))
      elseif value:sub(1, 1) == "/" then
         table.insert(paths, value)
      end
   end
end

function request()
   if #paths == 0 then
      return wrk.format()
   end
   position = position % #paths + 1
   return wrk.format(nil, paths[position])
end

function response(status, headers, body)
   responses = responses + 1
   if expected then
      if status ~= expected then
         non2xx = non2xx + 1
      end
   elseif status < 200 or status > 299 then
      non2xx = non2xx + 1
   end
   if max_responses > 0 and responses >= max_responses then
      wrk.thread:stop()
   end
end

function done(summary, latency, requests)
   local non2xx_total = 0
   for _, thread in ipairs(threads) do
      non2xx_total = non2xx_total + thread:get("non2xx")
   end
   local errors = summary.errors
   io.write(string.format(
      '\n{"requests": %d, "duration_us": %d, "bytes": %d, "non2xx": %d, ' ..
      '"connect_errors": %d, "read_errors": %d, "write_errors": %d, "timeouts": %d, ' ..
      '"p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d, "mean_us": %.1f}\n',
      summary.requests, summary.duration, summary.bytes, non2xx_total,
      errors.connect, errors.read, errors.write, errors.timeout,
      latency:percentile(50), latency:percentile(90), latency:percentile(99),
      latency.max, latency.mean))
end
