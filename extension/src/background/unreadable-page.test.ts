import { describe, expect, it } from 'vitest';
import { reasonOfRefusal, unreadableReason } from './unreadable-page.js';

describe('pages that cannot be read or reported', () => {
  it('are known by their address, each with its reason in plain words', () => {
    expect(unreadableReason('chrome://newtab/')).toMatch(/new-tab page/);
    expect(unreadableReason('about:blank')).toMatch(/empty/);
    expect(unreadableReason('chrome://settings/')).toMatch(/browser's own pages/);
    expect(unreadableReason('chrome-extension://abc/popup.html')).toMatch(/extension's own page/);
    expect(unreadableReason('https://chromewebstore.google.com/detail/x')).toMatch(/extension store/);
    expect(unreadableReason('file:///home/a/listing.html')).toMatch(/file on this computer/);
    expect(unreadableReason('https://market.example/item/1')).toBeNull();
    expect(unreadableReason(undefined)).toBeNull();
  });

  it("read the browser's refusal without passing its raw words on", () => {
    expect(reasonOfRefusal('Cannot access a chrome:// URL')).toMatch(/browser's own pages/);
    expect(reasonOfRefusal('Cannot access contents of url "about:blank". Extension manifest must request permission to access this host.')).toMatch(/empty/);
    const other = reasonOfRefusal('Cannot access contents of the page. Extension manifest must request permission to access the respective host.');
    expect(other).toMatch(/empty tab \(about:blank\).*click the button on it again/);
    expect(other).not.toMatch(/manifest/);
  });
});
