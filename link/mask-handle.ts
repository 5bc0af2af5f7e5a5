/**
 * A handle key as investigators see it by default: kind, then the first and last characters of the
 * id with the rest starred (`wechat:fa***88`, `phone:138******78`), so two handles can still be told
 * apart in a cluster without the id being readable; `unmask` (audited by the caller) shows it whole.
 */
export function maskHandleKey(key: string): string {
  const colon = key.indexOf(':');
  if (colon < 0) return maskId(key);
  const kind = key.slice(0, colon);
  const id = key.slice(colon + 1);
  if (kind === 'email') {
    const at = id.lastIndexOf('@');
    return at > 0 ? `${kind}:${maskId(id.slice(0, at))}${id.slice(at)}` : `${kind}:${maskId(id)}`;
  }
  if (kind === 'url') {
    // The host says which shop platform; the path is the seller's.
    const slash = id.indexOf('/');
    return slash < 0 ? `${kind}:${id}` : `${kind}:${id.slice(0, slash + 1)}${'*'.repeat(Math.min(8, id.length - slash - 1))}`;
  }
  return `${kind}:${maskId(id)}`;
}

/** Keeps 2 characters at each end of 8 or more, 1 of 4–7; shorter ids are starred whole. */
function maskId(id: string): string {
  const chars = Array.from(id);
  const keep = chars.length >= 8 ? 2 : chars.length >= 4 ? 1 : 0;
  return chars.map((c, i) => (i < keep || i >= chars.length - keep ? c : '*')).join('');
}

/** A written form of a reason ("wechat:face_88 = wechat:face88"): each key masked. */
export const maskHandleList = (written: string) => written.split(' = ').map(maskHandleKey).join(' = ');
