import { HIGHLIGHT_ON_FLAG, isContentRequest, NO_MARKS, type ContentReply, type MarkCounts } from '../shared/content-protocol.js';
import type { Reply } from '../shared/messages.js';
import { markBlock, unmarkAll } from './marks.js';
import { collectTextBlocks } from './text-blocks.js';

/**
 * The term highlighter, injected into a tab only when the moderator turns highlighting on (activeTab).
 * It sends the page's text to the background worker, which finds the coded terms with the bundled
 * classifier rules, and marks what comes back. It reads no storage and sees no token.
 */

declare global {
  // Set once per tab: the script is injected again at every toggle and must not listen twice.
  var faceleakHighlighterReady: boolean | undefined;
  // Whether the marks are on, so a popup opened again ticks its box as the page is (background/highlight.ts).
  var faceleakHighlightOn: boolean | undefined;
}

async function apply(on: boolean): Promise<MarkCounts> {
  unmarkAll(document.body);
  globalThis[HIGHLIGHT_ON_FLAG] = on;
  if (!on) return NO_MARKS;
  const blocks = collectTextBlocks(document.body);
  const reply = (await chrome.runtime.sendMessage({ type: 'terms/find', blocks: blocks.map((b) => b.text) })) as Reply<'terms/find'> | undefined;
  if (!reply?.ok) throw new Error(reply ? reply.error : 'no answer from the extension');
  // Spans, not <mark> elements, are counted: a term across two text nodes takes two marks but is one term.
  const marked = { ...NO_MARKS };
  reply.value.spans.forEach((spans, k) => {
    const block = blocks[k];
    if (!block || spans.length === 0 || markBlock(block, spans) === 0) return;
    for (const span of spans) marked[span.kind]++;
  });
  return marked;
}

if (!globalThis.faceleakHighlighterReady) {
  globalThis.faceleakHighlighterReady = true;
  chrome.runtime.onMessage.addListener((raw: unknown, sender, sendResponse: (reply: ContentReply) => void) => {
    // Only our own worker can reach this listener; the check keeps it to the one message it knows.
    if (sender.id !== chrome.runtime.id || !isContentRequest(raw)) return false;
    apply(raw.on).then(
      (marked) => sendResponse({ ok: true, marked }),
      (error: unknown) => sendResponse({ ok: false, marked: NO_MARKS, error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  });
}
