import type { Page } from './page.js';

/** Less text than this outside menus, footers and notes: the page has not drawn its listing yet. */
const MIN_TEXT = 200;
/** With an empty app root (#app, #root, #__next) beside it, text up to this much is the frame, not the listing. */
const MIN_TEXT_BESIDE_EMPTY_ROOT = 1000;

/**
 * Whether a page is a shell that scripts would fill: it has scripts, and it lacks the listing's
 * text. A page that gave a description (from structured data, its meta summary or its main
 * content) has it, whatever selector missed and whatever empty <div id="root"> a widget left; a page
 * without one is a shell when its visible text, less page furniture, is next to nothing, or little
 * beside an empty app root. `visibleText` is the body's text less furniture and noise.
 */
export function looksLikeShell(page: Page, visibleText: string, hasListingText: boolean): boolean {
  const { $ } = page;
  if (hasListingText) return false;
  const hasScripts = $('script[src], script:not([type="application/ld+json"])').length > 0;
  if (!hasScripts) return false;
  const visible = visibleText.replace(/\s+/g, '').length;
  if (visible < MIN_TEXT) return true;
  const emptyRoot = $('#app, #root, #__next, #__nuxt, [data-reactroot], [ng-app]')
    .toArray()
    .some((e) => $(e).text().trim() === '');
  return emptyRoot && visible < MIN_TEXT_BESIDE_EMPTY_ROOT;
}
