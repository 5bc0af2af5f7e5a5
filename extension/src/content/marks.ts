import type { TermSpan } from '../shared/messages.js';
import type { TextBlock } from './text-blocks.js';

/**
 * Wraps matched ranges of the page's text nodes in <mark> elements made here, with our reason as
 * their title (the hover explanation). Nothing of the page is ever parsed as HTML: the page's text
 * nodes are split and moved, never re-read as markup, and every node added is built with createElement.
 */
export const MARK_CLASS = 'faceleak-mark';

/** Marks the spans of one block (spans sorted, not overlapping); returns how many marks were made. */
export function markBlock(block: TextBlock, spans: readonly TermSpan[]): number {
  let made = 0;
  // Right to left: splitting a node leaves its earlier part in place, so earlier offsets stay valid.
  for (let s = spans.length - 1; s >= 0; s--) {
    const span = spans[s]!;
    for (let k = block.nodes.length - 1; k >= 0; k--) {
      const node = block.nodes[k]!;
      const nodeStart = block.starts[k]!;
      const from = Math.max(span.start, nodeStart) - nodeStart;
      const to = Math.min(span.end, nodeStart + node.data.length) - nodeStart;
      if (from >= to || !node.parentNode) continue;
      wrap(node, from, to, span);
      made++;
    }
  }
  return made;
}

function wrap(node: Text, from: number, to: number, span: TermSpan): void {
  const middle = node.splitText(from);
  middle.splitText(to - from);
  const mark = document.createElement('mark');
  mark.className = `${MARK_CLASS} faceleak-${span.kind}`;
  mark.title = `faceleak: ${span.reason}`;
  middle.replaceWith(mark);
  mark.append(middle);
}

/** Takes every mark out again, leaving the page's text as it was. */
export function unmarkAll(root: ParentNode): number {
  const marks = [...root.querySelectorAll(`mark.${MARK_CLASS}`)];
  const parents = new Set<Node>();
  for (const mark of marks) {
    if (mark.parentNode) parents.add(mark.parentNode);
    mark.replaceWith(...mark.childNodes);
  }
  // Rejoin the text nodes the marks split, so a second pass sees the same text as the first.
  for (const parent of parents) parent.normalize();
  return marks.length;
}
