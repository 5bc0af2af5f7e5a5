/**
 * Page furniture: navigation, the page's header and footer, sidebars, menus, breadcrumbs, cookie and
 * privacy notices. Its words are the site's, not the listing's ("S.à.r.l." in a footer, 完整卡號 in a
 * privacy note, "Photo Video" in a category menu), so neither the classifier nor the highlighter reads
 * it. One list, given as a CSS selector to the browser (`closest`, in the highlighter) and as a test
 * of an element's tag and attributes to the extraction (a selector match per element would cost it
 * more than the rest of a page's reading). An article's own <header> holds its title and stays; only
 * the page's header (a child of body, or role=banner) goes.
 */
const TAGS = ['nav', 'footer', 'aside', 'menu'];
const ROLES = ['navigation', 'banner', 'contentinfo', 'menu', 'menubar', 'complementary'];
/** Whole words of the class attribute ([class~=…]). */
const CLASS_WORDS = ['nav', 'navbar', 'menu', 'sidebar', 'header'];
const IDS = ['header', 'nav', 'menu'];
/** Parts of the class or id attribute ([class*=…], [id*=…]). */
const CLASS_PARTS = ['footer', 'breadcrumb', 'cookie', 'privacy', 'copyright'];
const ID_PARTS = ['footer', 'breadcrumb', 'cookie', 'privacy'];

export const FURNITURE_SELECTOR = [
  ...TAGS,
  'body > header',
  ...ROLES.map((r) => `[role=${r}]`),
  ...CLASS_WORDS.map((w) => `[class~=${w}]`),
  ...IDS.map((i) => `[id=${i}]`),
  ...CLASS_PARTS.map((p) => `[class*=${p}]`),
  ...ID_PARTS.map((p) => `[id*=${p}]`),
].join(', ');

/** The element's tag, parent's tag and attributes, as the selector above reads them. */
export interface FurnitureCandidate {
  readonly name: string;
  readonly parentName?: string;
  readonly attribs: Record<string, string | undefined>;
}

// The class tests above as one pattern: asked of every element of a page, so no split and no loop.
const CLASS_TEST = new RegExp(`${CLASS_PARTS.join('|')}|(?:^|\\s)(?:${CLASS_WORDS.join('|')})(?:\\s|$)`);

/** Whether an element matches FURNITURE_SELECTOR (the same list, without a selector engine). */
export function isFurniture(el: FurnitureCandidate): boolean {
  if (TAGS.includes(el.name) || (el.name === 'header' && el.parentName === 'body')) return true;
  const { role, id, class: cls } = el.attribs;
  if (role && ROLES.includes(role)) return true;
  if (id !== undefined && (IDS.includes(id) || ID_PARTS.some((p) => id.includes(p)))) return true;
  return cls !== undefined && CLASS_TEST.test(cls);
}
