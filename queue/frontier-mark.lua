-- Records what became of a URL of a crawl, once: sets state bits and counts each bit newly set.
-- KEYS[1] the crawl's counters HASH; KEYS[2] the URL's bucket HASH.
-- ARGV[1] the URL's fingerprint; ARGV[2] the bits to set: 2 done, 4 failed, 8 listing, 16 flagged.
-- Returns the bits newly set (0 when a job that ran twice records its outcome again).
local names = { [2] = 'done', [4] = 'failed', [8] = 'listings', [16] = 'flagged' }
local state = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
local fresh = bit.band(tonumber(ARGV[2]), bit.bnot(state))
if fresh == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], bit.bor(state, fresh))
for flag, name in pairs(names) do
  if bit.band(fresh, flag) ~= 0 then redis.call('HINCRBY', KEYS[1], name, 1) end
end
return fresh
