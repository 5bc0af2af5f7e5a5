-- Reserves URLs for a crawl: marks each fingerprint seen unless it already is or the crawl is full.
-- KEYS[1] the crawl's counters HASH; KEYS[2] the reserving job's log LIST; KEYS[3..n+2] the bucket HASH
-- of each URL, in order.
-- ARGV[1] max pages (0 = no limit); ARGV[2..n+1] each URL's fingerprint (its field in its bucket);
-- ARGV[n+2..2n+1] each URL's page as a JSON line, or nothing (then KEYS[2] is never touched).
-- State bits of a fingerprint: 1 seen, 2 done, 4 failed, 8 listing, 16 flagged.
-- Returns one code per URL: 1 newly reserved, 2 seen before and not finished, 3 seen and finished
-- (done or failed), 0 refused because the crawl holds max pages. The seen counter moves only with
-- the seen bit, in this script, so it stays exact however often a job runs. With pages given, those
-- newly reserved are appended to the log as one element in the same step, so no crash can leave a URL
-- reserved that its job does not know to queue (queue/crawl-batch.ts).
local n = #KEYS - 2
local logged = #ARGV == 2 * n + 1
local max = tonumber(ARGV[1])
local seen = tonumber(redis.call('HGET', KEYS[1], 'seen') or '0')
local added = {}
local out = {}
for i = 1, n do
  local bucket, field = KEYS[i + 2], ARGV[i + 1]
  local state = tonumber(redis.call('HGET', bucket, field) or '0')
  if bit.band(state, 1) == 1 then
    out[i] = bit.band(state, 6) ~= 0 and 3 or 2
  elseif max > 0 and seen >= max then
    out[i] = 0
  else
    redis.call('HSET', bucket, field, bit.bor(state, 1))
    seen = seen + 1
    added[#added + 1] = logged and ARGV[n + 1 + i] or ''
    out[i] = 1
  end
end
if #added > 0 then
  redis.call('HINCRBY', KEYS[1], 'seen', #added)
  if logged then redis.call('RPUSH', KEYS[2], table.concat(added, '\n')) end
end
return out
