import { isContentRequest, type ContentReply } from '../shared/content-protocol.js';
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
}

async function apply(on: boolean): Promise<number> {
  unmarkAll(document.body);
  if (!on) return 0;
  const blocks = collectTextBlocks(document.body);
  const reply = (await chrome.runtime.sendMessage({ type: 'terms/find', blocks: blocks.map((b) => b.text) })) as Reply<'terms/find'> | undefined;
  if (!reply?.ok) throw new Error(reply ? reply.error : 'no answer from the extension');
  let marked = 0;
  reply.value.spans.forEach((spans, k) => {
    const block = blocks[k];
    if (block && spans.length > 0) marked += markBlock(block, spans);
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
      (error: unknown) => sendResponse({ ok: false, marked: 0, error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  });
}
