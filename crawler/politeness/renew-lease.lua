-- Extends a live lease on a host slot (only if it still exists: a lease that expired stays gone).
-- KEYS[1] in-flight leases (ZSET lease -> expiry ms); ARGV[1] lease id, ARGV[2] lease ttl ms. Returns 1 if renewed.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
return redis.call('ZADD', KEYS[1], 'XX', 'CH', now + tonumber(ARGV[2]), ARGV[1])
