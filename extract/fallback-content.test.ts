import { describe, expect, it } from 'vitest';
import { extractListing } from './extract-listing.js';
import { parseHtml } from './page.js';

const desc = 'Two summers old, black kettle grill with the ash catcher. Grate cleaned and oiled, lid thermometer works fine.';

describe('a script-less fallback (<noscript>, <noframes>)', () => {
  it('is read as the page when the page shows nothing else: an empty app root', () => {
    const l = extractListing(
      `<html><head><title>Lotsy</title></head><body><div id="app"></div><noscript><h1>Kettle grill 57cm</h1><p class="price">Price: $110</p><div class="desc"><p>${desc}</p></div></noscript></body></html>`,
      'https://lotsy.example/listing/1',
    );
    expect(l.title).toBe('Kettle grill 57cm');
    expect(l.description).toMatch(/^Two summers old/);
    expect(l.priceAmount).toBe('110');
  });

  it("is read in a frameset's <noframes>, a labelled table's item name its title", () => {
    const l = extractListing(
      `<html><head><title>Swap Board - Ad #12</title></head><frameset rows="80,*"><frame src="top.php"><noframes><body><table><tr><td><b>Item</b></td><td>Sewing machine in cabinet</td></tr><tr><td><b>Details</b></td><td>${desc}</td></tr></table></body></noframes></frameset></html>`,
      'http://swap.example/ad.php?id=12',
    );
    expect(l.title).toBe('Sewing machine in cabinet');
    expect(l.description).toContain('Two summers old');
  });

  it('stays out where the page shows its own listing, and when it is only a notice', () => {
    const shown = parseHtml(`<body><h1>Desk</h1><p>${desc} ${desc}</p><noscript><p>${desc}</p></noscript></body>`);
    expect(shown('noscript').length).toBe(1);
    const notice = parseHtml('<body><div id="root"></div><noscript>Please enable JavaScript to use this site.</noscript></body>');
    expect(notice('noscript').length).toBe(1);
    const shell = parseHtml(`<body><div id="root"></div><noscript><p>${desc}</p></noscript></body>`);
    expect(shell('noscript').length).toBe(0);
    expect(shell('div[data-fallback=noscript]').text()).toContain('Two summers old');
  });
});
