import { hash } from 'node:crypto';

/**
 * A crawl's frontier remembers URLs by a 64-bit fingerprint of the canonical URL, never the text.
 *
 * The fingerprint is split between a bucket (a small Redis HASH) and the field inside it. Buckets stay
 * under Redis's `hash-max-listpack-entries` (128 by default), so each is one compact listpack: about
 * 10 bytes per URL (6-byte field, 1-byte state, their lengths) plus the bucket's key amortized over its
 * entries. 2^17 buckets hold ~76 URLs each at 10 million URLs, still listpacks at the default limit;
 * past ~12 million URLs in one crawl some buckets grow into plain hash tables (about 60 bytes more per
 * URL in those) unless hash-max-listpack-entries is raised.
 *
 * Two different URLs share a fingerprint with probability ~n²/2^65: about 3·10^-6 for a whole crawl of
 * 10 million URLs, and then the second is taken as seen and not fetched. That is the one false "seen"
 * the frontier accepts.
 */
export const BUCKET_BITS = 17;

export interface Fingerprint {
  /** 0 … 2^BUCKET_BITS - 1. */
  readonly bucket: number;
  /** 6 bytes: the fingerprint's low 48 bits (they overlap the bucket by one bit; 64 bits in all). */
  readonly field: Buffer;
}

export function urlFingerprint(url: string): Fingerprint {
  // SHA-1 for its spread, not its strength: nobody gains by making two URLs collide here.
  const digest = hash('sha1', url, 'buffer');
  return { bucket: digest.readUInt32BE(0) >>> (32 - BUCKET_BITS), field: digest.subarray(2, 8) };
}
