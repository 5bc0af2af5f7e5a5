-- Reserves URLs for a crawl: marks each fingerprint seen unless it already is or the crawl is full.
-- KEYS[1] the crawl's counters HASH; KEYS[2..n+1] the bucket HASH of each URL, in order.
-- ARGV[1] max pages (0 = no limit); ARGV[2..n+1] each URL's fingerprint (its field in its bucket).
-- State bits of a fingerprint: 1 seen, 2 done, 4 failed, 8 listing, 16 flagged.
-- Returns one code per URL: 1 newly reserved, 2 seen before and not finished, 3 seen and finished
-- (done or failed), 0 refused because the crawl holds max pages. The seen counter moves only with
-- the seen bit, in this script, so it stays exact however often a job runs.
local max = tonumber(ARGV[1])
local seen = tonumber(redis.call('HGET', KEYS[1], 'seen') or '0')
local added = 0
local out = {}
for i = 2, #KEYS do
  local field = ARGV[i]
  local state = tonumber(redis.call('HGET', KEYS[i], field) or '0')
  if bit.band(state, 1) == 1 then
    out[i - 1] = bit.band(state, 6) ~= 0 and 3 or 2
  elseif max > 0 and seen >= max then
    out[i - 1] = 0
  else
    redis.call('HSET', KEYS[i], field, bit.bor(state, 1))
    seen = seen + 1
    added = added + 1
    out[i - 1] = 1
  end
end
if added > 0 then redis.call('HINCRBY', KEYS[1], 'seen', added) end
return out
