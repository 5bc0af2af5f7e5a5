import type { MarkCounts } from '../shared/content-protocol.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What the highlighter did, counting coded terms alone as coded terms: trade signals, offer parts and
 * context are marked too, and said apart, so "N coded terms" means what it says.
 */
export function marksSentence(marked: MarkCounts): string {
  const others = [
    marked.signal ? plural(marked.signal, 'trade signal', 'trade signals') : '',
    marked.part ? plural(marked.part, 'offer part', 'offer parts') : '',
    marked.context ? plural(marked.context, 'context mark', 'context marks') : '',
  ].filter(Boolean);
  const terms = `${plural(marked.term, 'coded term', 'coded terms')} marked on the page`;
  if (others.length === 0) return marked.term === 0 ? 'Nothing on this page to mark.' : `${terms}.`;
  return `${terms}, with ${others.join(', ')}. Hover a mark for its reason.`;
}
