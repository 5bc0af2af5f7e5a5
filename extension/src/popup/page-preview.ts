import { el } from '../shared/dom.js';
import type { PageFields } from '../shared/messages.js';

const SHOWN_CHARS = 300;

/** The fields the extension read from the page, shown before sending so the moderator sees what goes. */
export function pagePreview(fields: PageFields): HTMLElement {
  const row = (name: string, value: string | null) => [
    el('dt', { text: name }),
    el('dd', { className: value ? '' : 'missing', text: value ? clip(value) : 'not found on the page', attrs: { 'data-field': name.toLowerCase() } }),
  ];
  return el(
    'dl',
    { className: 'fields' },
    ...row('Title', fields.title),
    ...row('Description', fields.description),
    ...row('Price', fields.price),
    ...row('Seller', fields.seller),
    ...row('Address', fields.url),
    el('dt', { text: 'Read from' }),
    el('dd', { className: 'sources', text: fields.sources.length ? fields.sources.join(', ') : 'nothing' }),
  );
}

const clip = (s: string) => (s.length > SHOWN_CHARS ? `${s.slice(0, SHOWN_CHARS)}…` : s);
