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

/**
 * A long field shortened for the preview (the whole field is sent): cut at the last line break, sentence
 * end or space before the limit, never inside a word, and saying how much more there is.
 */
export function clip(text: string, max = SHOWN_CHARS): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const breakAt = Math.max(
    head.lastIndexOf('\n'),
    ...['。', '！', '？', '. ', '; ', '，', ', '].map((p) => head.lastIndexOf(p) + p.trimEnd().length),
    head.lastIndexOf(' '),
  );
  const cut = breakAt > max / 2 ? head.slice(0, breakAt) : head;
  return `${cut.trimEnd()}… (${text.length - cut.trimEnd().length} more characters, all sent)`;
}
