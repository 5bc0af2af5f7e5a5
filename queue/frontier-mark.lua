-- Records what became of URLs of a crawl, once: sets state bits and counts each bit newly set; then
-- deletes a job's log, whose pages the job has queued by now (queue/crawl-batch.ts).
-- KEYS[1] the crawl's counters HASH; KEYS[2] the job's log LIST (a name never written when there is
-- none); KEYS[3..n+2] each URL's bucket HASH.
-- ARGV[1] the bits to set: 2 done, 4 failed, 8 listing, 16 flagged; ARGV[2..n+1] each URL's fingerprint.
-- Returns the bits newly set, OR-ed over the URLs (0 when a job that ran twice records its outcome again).
local names = { [2] = 'done', [4] = 'failed', [8] = 'listings', [16] = 'flagged' }
local bits = tonumber(ARGV[1])
local counts = {}
local any = 0
for i = 3, #KEYS do
  local field = ARGV[i - 1]
  local state = tonumber(redis.call('HGET', KEYS[i], field) or '0')
  local fresh = bit.band(bits, bit.bnot(state))
  if fresh ~= 0 then
    redis.call('HSET', KEYS[i], field, bit.bor(state, fresh))
    any = bit.bor(any, fresh)
    for flag, name in pairs(names) do
      if bit.band(fresh, flag) ~= 0 then counts[name] = (counts[name] or 0) + 1 end
    end
  end
end
for name, count in pairs(counts) do redis.call('HINCRBY', KEYS[1], name, count) end
redis.call('DEL', KEYS[2])
return any
