// The extension pages' DOM helpers: el/byId shared with the review page, plus a status line.
export { byId, el, errorMessage as errorText } from '../../../web/index.js';

/** Shows a message in a status line (role=status, read out by screen readers). */
export function say(line: HTMLElement, message: string, kind: 'info' | 'error' | 'ok' = 'info'): void {
  line.textContent = message;
  line.dataset.kind = kind;
}
