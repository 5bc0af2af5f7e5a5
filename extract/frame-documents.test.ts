import { describe, expect, it } from 'vitest';
import { extractListing } from './extract-listing.js';
import { parseHtml } from './page.js';

const notes = 'Up for sale is a stand mixer in red. It works perfectly, the motor is strong and quiet. Comes with the beater, dough hook and whip.';
const escaped = (html: string) => html.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

describe('documents written into frames (<iframe srcdoc>, as SingleFile saves them)', () => {
  it('are read in place, the frame becoming a <div> that keeps its class, id and title', () => {
    const $ = parseHtml(
      `<div id="d"><iframe id="desc_ifr" class="f" title="Item description" srcdoc="${escaped(`<html><head><title>x</title></head><body><p class="a">${notes}</p></body></html>`)}"></iframe></div>`,
    );
    const frame = $('#desc_ifr');
    expect(frame.get(0)?.name).toBe('div');
    expect(frame.attr('class')).toBe('f');
    expect(frame.attr('title')).toBe('Item description');
    expect($('#d p.a').text()).toBe(notes);
    // Its children know their new parent, as every reader that climbs the tree asks.
    expect($('#d p.a').parent().attr('id')).toBe('desc_ifr');
  });

  it("give the listing's description when the page holds it only in the frame", () => {
    const frame = `<iframe srcdoc="${escaped(`<!DOCTYPE html><html><body><div id="ds_div"><font size="4">${notes}</font></div></body></html>`)}"></iframe>`;
    const html = `<html><head><title>Stand mixer | Shop</title></head><body><h1>Stand mixer</h1><div class="x-price"><span>US $</span><span>189.99</span></div><div class="d-item-description"><h2>Item description from the seller</h2>${frame}</div></body></html>`;
    expect(extractListing(html, 'https://shop.example/itm/1').description).toContain(notes);
  });

  it("drop the frame's scripts, and leave a frame too large to be a description out", () => {
    const withScript = `<iframe srcdoc="${escaped(`<body><p>${notes}</p><script>window.stolen = document.cookie</script></body>`)}"></iframe>`;
    const $ = parseHtml(`<div id="d">${withScript}</div>`);
    expect($('#d').text()).toContain(notes);
    expect($('#d script')).toHaveLength(0);
    const huge = `<iframe id="big" srcdoc="${escaped(`<body><p>${'x '.repeat(120_000)}</p></body>`)}"></iframe>`;
    expect(parseHtml(huge)('#big').get(0)?.name).toBe('iframe');
  });

  it('leave frames with only an address as they are', () => {
    const $ = parseHtml('<iframe id="f" src="https://ads.example/slot"></iframe>');
    expect($('#f').get(0)?.name).toBe('iframe');
  });
});
