-- Takes a request slot for one host, or says how long to wait.
-- KEYS[1] bucket (HASH tokens, at), KEYS[2] in-flight leases (ZSET lease -> expiry ms), KEYS[3] back-off (STRING until ms)
-- ARGV[1] requests per second, ARGV[2] burst (max tokens), ARGV[3] max concurrency, ARGV[4] lease id, ARGV[5] lease ttl ms
-- Returns {1, 0} when the slot is taken, {0, wait ms} otherwise. Redis's clock is the only clock, so machines agree.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])

local backoff = tonumber(redis.call('GET', KEYS[3]) or '0')
if backoff > now then return {0, backoff - now} end

redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[3]) then
  local first = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  return {0, math.min(100, math.max(5, tonumber(first[2]) - now))}
end

local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + (now - at) * rate / 1000)
if tokens < 1 then return {0, math.ceil((1 - tokens) * 1000 / rate)} end

redis.call('HSET', KEYS[1], 'tokens', tokens - 1, 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 60000)
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[5]), ARGV[4])
redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[5]) + 60000)
return {1, 0}
