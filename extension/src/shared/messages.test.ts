import { describe, expect, it } from 'vitest';
import { isContentRequest, MAX_BLOCKS } from './content-protocol.js';
import { admitRequest } from './messages.js';

const ID = 'ownextensionid';
const BASE = `chrome-extension://${ID}/`;
const popup = { id: ID, url: `${BASE}popup.html?tab=3` };
const contentScript = { id: ID, url: 'https://m.example/item/1', tab: { id: 3 } };
const draft = { url: 'https://m.example/item/1', title: 't', description: null, price: null, seller: null };

describe('messages to the background worker', () => {
  it("admits well-formed requests from the extension's pages", () => {
    for (const request of [
      { type: 'page/read', tabId: 3 },
      { type: 'report/submit', draft: { ...draft, note: 'n', suspectedCategory: 'face_bundle' } },
      { type: 'reports/list' },
      { type: 'reports/retry' },
      { type: 'highlight/set', tabId: 3, on: true },
      { type: 'highlight/get', tabId: 3 },
      { type: 'reports/refresh' },
      { type: 'reports/earlier', url: 'https://m.example/item/1' },
      { type: 'connection/test', serverUrl: 'http://127.0.0.1:8080', token: 'fl_x' },
      { type: 'terms/find', blocks: ['手持身份证'] },
    ]) {
      expect(admitRequest(request, popup, ID, BASE)).toEqual({ ok: true, request });
    }
  });

  it('refuses malformed requests, naming the field', () => {
    const cases: [unknown, RegExp][] = [
      [null, /bad message/],
      [{ type: 'reports/delete-all' }, /bad message: type/],
      [{ type: 'page/read', tabId: -1 }, /tabId/],
      [{ type: 'page/read', tabId: 1, extra: true }, /bad message/],
      [{ type: 'report/submit', draft: { ...draft, url: 'javascript:alert(1)' } }, /draft\.url: must be an absolute http\(s\) URL/],
      [{ type: 'report/submit', draft: { ...draft, suspectedCategory: 'bedding' } }, /draft\.suspectedCategory/],
      [{ type: 'report/submit', draft: { ...draft, note: 'x'.repeat(2001) } }, /draft\.note/],
      [{ type: 'terms/find', blocks: [42] }, /blocks/],
      [{ type: 'terms/find', blocks: Array(MAX_BLOCKS + 1).fill('a') }, /blocks/],
    ];
    for (const [raw, error] of cases) {
      const result = admitRequest(raw, popup, ID, BASE);
      expect(result.ok, JSON.stringify(raw)?.slice(0, 80)).toBe(false);
      expect(result.ok ? '' : result.error).toMatch(error);
    }
  });

  describe("from a content script (a web page's tab)", () => {
    it('admits only the term finder', () => {
      expect(admitRequest({ type: 'terms/find', blocks: ['a'] }, contentScript, ID, BASE).ok).toBe(true);
      for (const request of [
        { type: 'reports/list' },
        { type: 'report/submit', draft },
        { type: 'connection/test', serverUrl: 'http://x', token: 't' },
        { type: 'page/read', tabId: 3 },
        { type: 'highlight/get', tabId: 3 },
        { type: 'reports/refresh' },
        { type: 'reports/earlier', url: 'https://m.example/item/1' },
      ]) {
        expect(admitRequest(request, contentScript, ID, BASE)).toEqual({ ok: false, error: `${request.type} is not allowed from a web page` });
      }
    });
  });

  it('refuses messages from other extensions', () => {
    expect(admitRequest({ type: 'reports/list' }, { id: 'someone-else', url: BASE }, ID, BASE)).toEqual({ ok: false, error: 'message from another extension' });
  });
});

describe('messages to the content script', () => {
  it('are only highlight on or off', () => {
    expect(isContentRequest({ type: 'highlight/apply', on: true })).toBe(true);
    expect(isContentRequest({ type: 'highlight/apply', on: 'yes' })).toBe(false);
    expect(isContentRequest({ type: 'highlight/apply', on: true, html: '<img>' })).toBe(false);
    expect(isContentRequest('highlight/apply')).toBe(false);
  });
});
