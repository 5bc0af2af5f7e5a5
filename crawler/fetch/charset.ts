import { isUtf8 } from 'node:buffer';
import { analyse } from 'chardet';
import { ResultType, Sniffer } from 'encoding-sniffer/sniffer';

// Chromium reads a <meta charset> anywhere in <head>, not only in the first 1024 bytes the HTML
// standard's prescan covers; pages with long inline scripts before the <meta> are common.
const META_SCAN_BYTES = 4096;
// Enough text for chardet to tell GB18030 from Big5 reliably, cheap on a 5 MiB page.
const SNIFF_SAMPLE_BYTES = 64 * 1024;
// When chardet's confidences tie (very short texts) the crawler's targets decide: Chinese
// marketplaces, mostly mainland (GB18030 ⊃ GBK ⊃ GB2312), then Taiwan and Hong Kong (Big5).
const TIE_ORDER = ['gb18030', 'big5', 'shift_jis', 'euc-kr', 'euc-jp'];

/** The canonical WHATWG name of a charset label TextDecoder supports, else null ("gb2312" → "gbk"). */
function supported(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/** The charset parameter of a Content-Type header, if it names one we can decode. */
function declaredCharset(contentType: string): string | null {
  const label = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType)?.[1];
  return label ? supported(label) : null;
}

/**
 * The charset of an HTML (or text) response, in the order browsers use: byte-order mark, then the
 * Content-Type charset, then <meta charset> / <meta http-equiv> (the HTML standard's prescan), then
 * content sniffing: valid UTF-8 is UTF-8, anything else goes to chardet's statistical detection.
 * The BOM comes first as in every browser, so static fetches and rendered pages agree.
 */
export function detectCharset(body: Uint8Array, contentType: string): string {
  const sniffer = new Sniffer({ maxBytes: META_SCAN_BYTES, transportLayerEncodingLabel: declaredCharset(contentType) ?? undefined });
  sniffer.write(body.subarray(0, META_SCAN_BYTES));
  if (sniffer.resultType !== ResultType.DEFAULT) {
    const found = supported(sniffer.encoding);
    if (found) return found;
  }
  // Undeclared. Legacy multi-byte text is almost never valid UTF-8, so this test is reliable.
  if (isUtf8(body)) return 'utf-8';
  return sniffLegacy(body.subarray(0, SNIFF_SAMPLE_BYTES));
}

/** The likeliest legacy charset of a sample, among those that decode it without errors. */
function sniffLegacy(sample: Uint8Array): string {
  const rank = (name: string) => (TIE_ORDER.includes(name) ? TIE_ORDER.indexOf(name) : TIE_ORDER.length);
  const candidates = analyse(sample)
    .map((match) => ({ name: supported(match.name), confidence: match.confidence }))
    .filter((c): c is { name: string; confidence: number } => c.name !== null && c.name !== 'utf-8' && decodesCleanly(sample, c.name))
    .sort((a, b) => b.confidence - a.confidence || rank(a.name) - rank(b.name));
  // windows-1252 decodes any bytes: the HTML standard's fallback when nothing else fits.
  return candidates[0]?.name ?? 'windows-1252';
}

function decodesCleanly(sample: Uint8Array, charset: string): boolean {
  try {
    // stream: a multi-byte character cut at the end of the sample is not an error.
    new TextDecoder(charset, { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** The text of a response body in its detected charset. */
export function decodeBody(body: Uint8Array, charset: string): string {
  return new TextDecoder(charset).decode(body);
}

/**
 * A Content-Type that states the charset, for handing an HTML document to Chromium: without one
 * Chromium falls back to windows-1252 and a GBK or Big5 page turns into mojibake. The header
 * outranks any <meta>, so Chromium then decodes exactly as the static fetcher did.
 */
export function htmlContentType(contentType: string, charset: string): string {
  const mime = contentType.split(';')[0]!.trim() || 'text/html';
  return `${mime}; charset=${charset}`;
}
