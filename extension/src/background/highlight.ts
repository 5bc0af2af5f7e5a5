import type { ContentReply, ContentRequest } from '../shared/content-protocol.js';

/**
 * Turns the term highlighter on or off in a tab: the stylesheet and the content script are injected
 * only now (activeTab), the script marks text it is told to, and the terms come from this worker.
 * The stylesheet goes in as a user sheet so the page's own CSS cannot hide or restyle the marks.
 */
export async function setHighlight(tabId: number, on: boolean): Promise<number> {
  const target = { tabId };
  if (on) await chrome.scripting.insertCSS({ target, files: ['highlight.css'], origin: 'USER' });
  // The script guards itself against running twice in a tab; injecting it again is how we know it is there.
  await chrome.scripting.executeScript({ target, files: ['content.js'] });
  const request: ContentRequest = { type: 'highlight/apply', on };
  const reply = (await chrome.tabs.sendMessage(tabId, request)) as ContentReply | undefined;
  if (!on) await chrome.scripting.removeCSS({ target, files: ['highlight.css'], origin: 'USER' });
  if (!reply?.ok) throw new Error(reply?.error ?? 'the page did not answer');
  return reply.marked;
}
