import { HIGHLIGHT_ON_FLAG, type ContentReply, type ContentRequest, type MarkCounts } from '../shared/content-protocol.js';
import { inTab } from './page-reader.js';

/**
 * Turns the term highlighter on or off in a tab: the stylesheet and the content script are injected
 * only now (activeTab), the script marks text it is told to, and the terms come from this worker.
 * The stylesheet goes in as a user sheet so the page's own CSS cannot hide or restyle the marks.
 * A page no extension may read is refused in plain words (page-reader.ts), as reading it is.
 */
export async function setHighlight(tabId: number, on: boolean): Promise<MarkCounts> {
  const target = { tabId };
  await inTab(tabId, async () => {
    if (on) await chrome.scripting.insertCSS({ target, files: ['highlight.css'], origin: 'USER' });
    // The script guards itself against running twice in a tab; injecting it again is how we know it is there.
    await chrome.scripting.executeScript({ target, files: ['content.js'] });
  });
  const request: ContentRequest = { type: 'highlight/apply', on };
  const reply = (await chrome.tabs.sendMessage(tabId, request)) as ContentReply | undefined;
  if (!on) await chrome.scripting.removeCSS({ target, files: ['highlight.css'], origin: 'USER' });
  if (!reply?.ok) throw new Error(reply?.error ?? 'the page did not answer');
  return reply.marked;
}

/** Runs in the page's isolated world, where the highlighter keeps its flag. */
function readFlag(flag: string): boolean {
  return (globalThis as unknown as Record<string, unknown>)[flag] === true;
}

/**
 * Whether the marks are on in the tab now: asked of the page itself, so a page that reloaded or moved
 * on (and lost its marks) reads as off, and each tab and page answers for itself. False when the page
 * cannot be read.
 */
export async function highlightIsOn(tabId: number): Promise<boolean> {
  try {
    const [result] = await inTab(tabId, () => chrome.scripting.executeScript({ target: { tabId }, func: readFlag, args: [HIGHLIGHT_ON_FLAG] }));
    return result?.result === true;
  } catch {
    return false;
  }
}
