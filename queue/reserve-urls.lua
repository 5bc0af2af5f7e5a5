-- Reserves URLs for a crawl: adds each to the seen set unless already there or the crawl is full.
-- KEYS[1] seen set; ARGV[1] max pages (0 = no limit); ARGV[2..] canonical URLs.
-- Returns the URLs newly reserved, in order.
local max = tonumber(ARGV[1])
local out = {}
for i = 2, #ARGV do
  if max > 0 and redis.call('SCARD', KEYS[1]) >= max then break end
  if redis.call('SADD', KEYS[1], ARGV[i]) == 1 then out[#out + 1] = ARGV[i] end
end
return out
