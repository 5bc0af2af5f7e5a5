import type { AnyNode, Element } from 'domhandler';
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
 * beside an empty app root. `visibleText` gives the body's text less furniture and noise (read only when needed).
 */
export function looksLikeShell(page: Page, visibleText: () => string, hasListingText: boolean): boolean {
  if (hasListingText) return false;
  const hasScripts = page.tags('script').some((s) => s.attribs.src !== undefined || s.attribs.type !== 'application/ld+json');
  if (!hasScripts) return false;
  const visible = visibleText().replace(/\s+/g, '').length;
  if (visible < MIN_TEXT) return true;
  return hasEmptyAppRoot(page, true) && visible < MIN_TEXT_BESIDE_EMPTY_ROOT;
}

const APP_ROOT_IDS = new Set(['app', 'root', '__next', '__nuxt']);
const isAppRoot = (el: Element, anyMark: boolean) =>
  APP_ROOT_IDS.has(el.attribs.id ?? '') || (anyMark && ('data-reactroot' in el.attribs || 'ng-app' in el.attribs));

/** Whether a subtree holds nothing but whitespace (script and style text counted, as `.text()` counts it); stops at the first letter. */
function blank(node: AnyNode): boolean {
  if (node.type === 'text') return !/\S/.test((node as unknown as { data: string }).data);
  return !('children' in node) || node.children.every(blank);
}

/**
 * Whether the page has an empty app root (#app, #root, #__next, #__nuxt; with `anyMark`, also
 * [data-reactroot] and [ng-app]) that its scripts would fill.
 */
export function hasEmptyAppRoot(page: Page, anyMark: boolean): boolean {
  return page.elements().some((el) => isAppRoot(el, anyMark) && blank(el));
}
