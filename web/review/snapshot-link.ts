import type { ReviewApi } from './api.js';
import { el } from './dom.js';

/**
 * Opens a listing's WARC snapshot in a new tab as inert text. The API needs the Authorization header,
 * which a link cannot send, so the file is fetched and handed to the tab as a Blob URL typed
 * text/plain: the browser shows the crawled HTML as characters and never parses it. Belt and braces:
 * a Blob document inherits this page's CSP (no inline script, no remote load), and rel=noopener cuts
 * the tab off from this one. Never drawn into this page: its HTML is hostile.
 */
export async function openSnapshot(api: ReviewApi, id: number): Promise<void> {
  const bytes = await api.snapshot(id);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'text/plain; charset=utf-8' }));
  const link = el('a', { className: 'visually-hidden', text: `snapshot ${id}`, attrs: { href: url, target: '_blank', rel: 'noopener noreferrer' } });
  document.body.append(link);
  link.click();
  link.remove();
  // The new tab has loaded it well within a minute; revoking at once could race its load.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
