/**
 * The listing's URL as a link target, or null. Crawled and reported URLs are hostile: only http(s)
 * becomes a link, so a `javascript:` or `data:` URL can never run in the investigator's session.
 */
export function safeHttpUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
