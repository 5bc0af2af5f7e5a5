// The review page's DOM helpers: el/byId from web/shared, plus its status line and times.
import { byId } from '../shared/dom.js';

export { byId, el, errorMessage } from '../shared/dom.js';

/** The status line (aria-live): progress and errors, read out by screen readers. */
export function showStatus(message: string, kind: 'info' | 'error' = 'info'): void {
  const line = byId('status', HTMLElement);
  line.textContent = message;
  line.classList.toggle('error', kind === 'error');
}

/** A short local date and time for ISO timestamps; the raw value if it does not parse. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}
