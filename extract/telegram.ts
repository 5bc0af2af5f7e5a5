import type { Element } from 'domhandler';
import { elementText } from './element-text.js';
import type { SourceFields } from './fields.js';
import type { Page } from './page.js';
import { cleanLines, cleanText } from './text.js';

/**
 * A Telegram post page (t.me/channel/123, or the t.me/s/ preview): its og:title is the channel's
 * name, not the post's, and a post has no title of its own, so the title is the post's first line;
 * the description is the whole post, and the channel is the seller.
 */

const POST_PATH = /^\/(s\/)?([A-Za-z0-9_]{3,})\/(\d+)\/?$/;
const MAX_TITLE = 150;

export function isTelegramPost(page: Page): boolean {
  const telegramHost = /^(t\.me|telegram\.me|telegram\.dog)$/.test(page.host);
  if (telegramHost && page.url && POST_PATH.test(page.url.pathname)) return true;
  // A saved post page may have lost its address: t.me's own markup still says what it is.
  // (A substring test first: it is asked of every element.)
  const hasClass = (el: Element, names: RegExp) => el.attribs.class?.includes('tgme_') === true && names.test(el.attribs.class);
  return page.elements().some((el) => hasClass(el, /(^|\s)(tgme_widget_message_text|tgme_page_post)(\s|$)/));
}

/** The first line of a post, cut at a sentence's end when it runs long. */
export function firstLine(text: string): string | undefined {
  const line = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => /[\p{L}\p{N}]/u.test(l));
  if (!line || line.length <= MAX_TITLE) return line;
  const end = line.slice(0, MAX_TITLE).search(/[。！？!?](?=\s|$|[^\d])|\.\s/);
  return end > 10 ? line.slice(0, end + 1) : `${line.slice(0, MAX_TITLE)}…`;
}

export function readTelegramPost(page: Page): SourceFields {
  const { $ } = page;
  const match = page.url ? POST_PATH.exec(page.url.pathname) : null;
  const wanted = match ? $(`.tgme_widget_message[data-post="${match[2]}/${match[3]}"] .tgme_widget_message_text`).get(0) : undefined;
  const el = (wanted ?? $('.tgme_widget_message_text').get(0)) as Element | undefined;
  const meta = (p: string) => $(`meta[property="${p}"], meta[name="${p}"]`).first().attr('content');
  const text = cleanLines(el ? elementText(el) : (meta('og:description') ?? meta('twitter:description')));
  if (!text) return {};
  const owner = el ? $(el).closest('.tgme_widget_message').find('.tgme_widget_message_owner_name').first().text() : '';
  return {
    title: cleanText(firstLine(text)),
    description: text,
    seller: cleanText(owner) ?? cleanText($('.tgme_page_title').first().text()) ?? cleanText(meta('og:title')),
  };
}
