/**
 * The one URL a listing is known by: fragment gone, tracking parameters gone (utm_*, marketplace
 * click trackers, the site's dropParams), query sorted, host lower case, default port dropped.
 * Listing key = site + canonical URL, so the same ad reached through ten tracked links is fetched once.
 */
const TRACKING = new Set([
  'spm',
  'scm',
  'pvid',
  'scm_id',
  'abbucket',
  'ali_trackid',
  'ali_refid',
  'ns',
  'sku_properties',
  'track_id',
  'trackid',
  'from',
  'fromsite',
  'ref',
  'ref_',
  'referrer',
  'source',
  'share_from',
  'share_crt_v',
  'sharer',
  'shareurl',
  'tt_from',
  'gclid',
  'fbclid',
  'msclkid',
  'yclid',
  'dclid',
  'mc_cid',
  'mc_eid',
  'igshid',
  'si',
  '_ga',
  '_gl',
  'clickid',
  'click_id',
  'sourcetype',
  'sessionid',
  'session_id',
  'sid',
  'xianyu_share',
  'ut_sk',
  'wxshare_count',
  'timestamp',
  'ts',
]);

export function canonicalUrl(input: string | URL, dropParams: readonly string[] = []): string {
  const url = new URL(input);
  url.hash = '';
  url.hostname = url.hostname.toLowerCase();
  const drop = new Set(dropParams.map((p) => p.toLowerCase()));
  const kept = [...url.searchParams].filter(([k]) => {
    const key = k.toLowerCase();
    return !key.startsWith('utm_') && !TRACKING.has(key) && !drop.has(key);
  });
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  url.search = '';
  for (const [k, v] of kept) url.searchParams.append(k, v);
  return url.toString();
}
