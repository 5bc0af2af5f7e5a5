import { describe, expect, it } from 'vitest';
import { draftFromMenuClick, MENU_REPORT_LINK, MENU_REPORT_SELECTION } from './menus.js';

describe('context menu reports', () => {
  it('reports a link by its address, noting the page it was found on', () => {
    expect(
      draftFromMenuClick(
        { menuItemId: MENU_REPORT_LINK, linkUrl: 'https://m.example/item/9', linkText: ' 人脸四件套 ', pageUrl: 'https://forum.example/t/1' },
        'Forum',
      ),
    ).toEqual({
      url: 'https://m.example/item/9',
      title: '人脸四件套',
      description: null,
      price: null,
      seller: null,
      note: 'link found on https://forum.example/t/1',
    });
  });

  it('reports selected text as the description of the page (or frame) it is on', () => {
    expect(
      draftFromMenuClick(
        { menuItemId: MENU_REPORT_SELECTION, selectionText: ' 手持身份证 五毛一张 ', pageUrl: 'https://m.example/chat', frameUrl: 'https://m.example/frame' },
        'Chat',
      ),
    ).toMatchObject({
      url: 'https://m.example/frame',
      title: 'Chat',
      description: '手持身份证 五毛一张',
    });
  });

  it('reports nothing that is not on the web', () => {
    expect(draftFromMenuClick({ menuItemId: MENU_REPORT_LINK, linkUrl: 'javascript:alert(1)' }, undefined)).toBeNull();
    expect(draftFromMenuClick({ menuItemId: MENU_REPORT_SELECTION, selectionText: 'x', pageUrl: 'chrome://settings' }, undefined)).toBeNull();
    expect(draftFromMenuClick({ menuItemId: MENU_REPORT_SELECTION, selectionText: '  ', pageUrl: 'https://m.example/' }, undefined)).toBeNull();
    expect(draftFromMenuClick({ menuItemId: 'other' }, undefined)).toBeNull();
  });
});
