import type { Element } from 'domhandler';
import { elementText } from './element-text.js';
import type { Page } from './page.js';
import { cleanText } from './text.js';

/**
 * The title a page states in a labelled field ("商品名称：…", "Product name: …", "Tên sản phẩm") when
 * it has no heading: card-issuing shops and old order forms show the item's name in a form row (often
 * as the chosen option of a <select>), while their <title> names the shop. Asked only of pages without
 * a heading or structured title: elsewhere such a row is a spec table's short model name.
 */

const LABEL_WORDS = String.raw`(商品名称|商品名稱|商品名|产品名称|產品名稱|宝贝名称|寶貝名稱|品名|product name|product title|item name|item title|item|название товара|наименование|tên sản phẩm|nama produk|ชื่อสินค้า|اسم المنتج|상품명|제품명)`;
const NAME_LABEL = new RegExp(String.raw`^\s*${LABEL_WORDS}\s*[:：]?\s*`, 'iu');
const ANYWHERE = new RegExp(LABEL_WORDS, 'iu');

/** Whether a page's text has a name label anywhere: the elements are searched only when it has (a walk of a large page costs). */
export const mentionsNameLabel = (text: string): boolean => ANYWHERE.test(text);
const MAX_TITLE = 150;
const MAX_OWN = 400;

/** The element's first own text that is not blank (a label is a text of its own, not a child's), collapsed. */
const firstOwnText = (el: Element): string | undefined => {
  for (const c of el.children) {
    if (c.type !== 'text') continue;
    const data = (c as unknown as { data: string }).data;
    // A label is short: a long text (a script's state blob, a paragraph) is not read through.
    if (data.length > MAX_OWN) return undefined;
    if (data.trim()) return data.replace(/\s+/g, ' ').trim();
  }
  return undefined;
};

const nextTag = (el: Element): Element | null => {
  for (let s = el.nextSibling; s; s = s.nextSibling) if (s.type === 'tag') return s as Element;
  return null;
};

/** What a value cell shows: a <select>'s chosen option (else its first), or its text. */
function shownValue(page: Page, el: Element): string | undefined {
  const select = el.name === 'select' ? el : (page.$(el).find('select').get(0) as Element | undefined);
  if (select) {
    const options = page.$(select).find('option');
    const chosen = options.filter('[selected]').first();
    return cleanText((chosen.length ? chosen : options.first()).text());
  }
  return cleanText(elementText(el));
}

export function labelledTitle(page: Page): string | undefined {
  for (const el of page.elements()) {
    const own = firstOwnText(el);
    if (!own) continue;
    const m = NAME_LABEL.exec(own);
    if (!m || page.excluded(el)) continue;
    const rest = own.slice(m[0].length).trim();
    // "商品名称：xxx" in one element, or the label alone with the value in the next element.
    if (rest && /[:：]\s*$/.test(m[0])) return rest.length <= MAX_TITLE ? rest : undefined;
    if (rest) continue;
    // "<td><b>Item</b></td><td>…</td>": a label alone in its cell names the next cell.
    const parent = el.parent as Element | null;
    const alone = parent?.type === 'tag' && !firstOwnText(parent) && parent.children.filter((c) => c.type === 'tag').length === 1;
    const next = nextTag(el) ?? (alone ? nextTag(parent) : null);
    const value = next ? shownValue(page, next) : undefined;
    if (value && value.length <= MAX_TITLE) return value;
  }
  return undefined;
}
