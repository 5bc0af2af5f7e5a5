-- Starts an attempt of a crawl job: the state bits of each of its URLs (so URLs already done or failed
-- are not fetched again), and its log: pages an earlier attempt reserved and may not have queued.
-- KEYS[1] the job's log LIST; KEYS[2..n+1] each URL's bucket HASH. ARGV[1..n] each URL's fingerprint.
-- Returns { the state of each URL (0: never seen), the log's elements }.
local states = {}
for i = 2, #KEYS do
  states[i - 1] = tonumber(redis.call('HGET', KEYS[i], ARGV[i - 1]) or '0')
end
return { states, redis.call('LRANGE', KEYS[1], 0, -1) }
