import { readsAsSiteLine } from './boilerplate.js';
import type { Page } from './page.js';
import { hasEmptyAppRoot } from './shell.js';
import { comparable } from './text.js';

// Main content this long is the page's own text, preferred over a summary the page does not show.
const MIN_MAIN_OVER_SUMMARY = 80;

// Han, kana and hangul say in one character what Latin says in about two.
const weightedLength = (s: string) => s.length + (s.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ?? 0);

/** A page whose app root is still empty shows only its frame: its main content is the frame's. */
const isShellFrame = (page: Page) => hasEmptyAppRoot(page, false);

/**
 * Whether a page's meta summary (og:description, description) gives way to its main content. A
 * summary is often the start of the text the page shows in full: then the full text. A summary the
 * page never shows is either the site's SEO line (淘宝网实力旺铺…, "Buy … online at Lazada"), which
 * gives way to a block of the page's own text, or the seller's description that the page holds back
 * for scripts to show (a collapsed "read more", a tab filled from JSON): that one stays, since the
 * block found instead is then some other text (shipping terms, the seller's card). Which of the two
 * goes by the site's words (boilerplate.ts). `bodyKey` gives the comparison key (text.ts) of the
 * page's visible text less furniture (asked for once per page: it is the whole page's text).
 */
export function summaryGivesWay(page: Page, summary: string, mainText: string, title: string | undefined, bodyKey: () => string): boolean {
  const summaryKey = comparable(summary.replace(/(\.\.\.|…)$/, '')).slice(0, 40);
  if (comparable(mainText).startsWith(summaryKey)) return true;
  return isUnshownSiteLine(page, summary, mainText, title, bodyKey);
}

/**
 * Whether a description the page never shows reads as the site's line, while the page has a block
 * of its own text to offer instead. Asked of JSON-LD descriptions too: shops fill them from the same
 * SEO template as their meta description.
 */
export function isUnshownSiteLine(page: Page, summary: string, mainText: string, title: string | undefined, bodyKey: () => string): boolean {
  // Past the title it may open with ("<title> w kategorii … Kup teraz na Allegro.pl").
  const titleKey = comparable(title ?? '');
  const all = comparable(summary);
  const rest = (titleKey && all.startsWith(titleKey) ? all.slice(titleKey.length) : all).slice(0, 40);
  const shown = rest.length >= 10 && bodyKey().includes(rest);
  if (shown || weightedLength(mainText) < MIN_MAIN_OVER_SUMMARY || isShellFrame(page)) return false;
  return readsAsSiteLine(summary, title, page.siteNames);
}

/**
 * Whether a summary the page never shows names the site itself ("Buy and sell baby gear near you on
 * Kidsmarket…", "Tradeboard - buy and sell locally"): the site's line about every page, not the
 * seller's words, even where the page offers no text of its own instead (a photo-only ad has no
 * description). Marketing words alone do not settle it here: a seller's held-back text says 包邮 too.
 */
export function isUnshownSiteNaming(page: Page, summary: string, title: string | undefined, bodyKey: () => string): boolean {
  const titleKey = comparable(title ?? '');
  const all = comparable(summary);
  const rest = titleKey ? all.split(titleKey).join('') : all;
  if (rest.length >= 10 && bodyKey().includes(rest.slice(0, 40))) return false;
  if (isShellFrame(page)) return false;
  return page.siteNames.some((n) => comparable(n).length >= 3 && rest.includes(comparable(n)));
}
