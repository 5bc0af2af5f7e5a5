import { FURNITURE_SELECTOR } from '../../../extract/index.js';
import { MAX_BLOCK_CHARS, MAX_BLOCKS } from '../shared/content-protocol.js';

/**
 * The page's visible text as blocks: runs of text nodes that share their nearest block-level ancestor,
 * joined as they read (`手持<b>身份证</b>` is one block, "手持身份证"), with the offset at which each
 * node starts, so a match in the block maps back to the nodes it spans.
 */
export interface TextBlock {
  readonly nodes: readonly Text[];
  readonly starts: readonly number[];
  readonly text: string;
}

// Not text a reader sees, or text a mark would break (form fields, editors, code the page runs).
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'IFRAME', 'OBJECT', 'SVG', 'CANVAS']);
const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DATA',
  'DFN',
  'EM',
  'FONT',
  'I',
  'KBD',
  'Q',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
  'LABEL',
  'MARK',
]);
const MAX_TOTAL_CHARS = 1_000_000;

function blockOf(node: Node): Element | null {
  let el = node.parentElement;
  while (el && INLINE.has(el.tagName)) el = el.parentElement;
  return el;
}

function accept(node: Node): number {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (SKIPPED.has(el.tagName.toUpperCase()) || el.isContentEditable) return NodeFilter.FILTER_REJECT;
  }
  // Menus, footers and privacy notes are the site's words, not the listing's: nothing there is marked.
  if (node.parentElement?.closest(FURNITURE_SELECTOR)) return NodeFilter.FILTER_REJECT;
  return NodeFilter.FILTER_ACCEPT;
}

export function collectTextBlocks(root: Node): TextBlock[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, { acceptNode: accept });
  const blocks: TextBlock[] = [];
  let nodes: Text[] = [];
  let starts: number[] = [];
  let text = '';
  let owner: Element | null = null;
  let total = 0;
  const close = () => {
    if (text.trim() !== '' && text.length <= MAX_BLOCK_CHARS) blocks.push({ nodes, starts, text });
    nodes = [];
    starts = [];
    text = '';
  };
  for (let node = walker.nextNode(); node && blocks.length < MAX_BLOCKS && total < MAX_TOTAL_CHARS; node = walker.nextNode()) {
    const block = blockOf(node);
    if (block !== owner) {
      close();
      owner = block;
    }
    const data = (node as Text).data;
    nodes.push(node as Text);
    starts.push(text.length);
    text += data;
    total += data.length;
  }
  close();
  return blocks;
}
