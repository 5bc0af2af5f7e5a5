import { describe, expect, it } from 'vitest';
import { emailAlias, nameAlias } from './aliases.js';
import { extractHandles } from './contact-handles.js';
import { linkKey } from './handle-rules.js';
import { foldText } from './fold-text.js';

const name = (s: string) => nameAlias(foldText(s))?.key ?? null;

describe('aliases', () => {
  it('takes a seller name that is an id with a digit, Chinese numerals read', () => {
    expect(name('twid888')).toBe('alias:twid888');
    expect(name('rlsj零零2')).toBe('alias:rlsj002');
    expect(name('u/kyc_depot01')).toBe('alias:kycdepot01');
  });

  it('takes the id a name sets apart from its label by a bar or slash', () => {
    expect(name('wren.docs7｜證件小舖')).toBe('alias:wrendocs7');
    expect(name('卡包 / pine_kit88')).toBe('alias:pinekit88');
    expect(name('證件小舖｜香港')).toBeNull();
  });

  it('takes an id set apart by a space only when it is punctuated as an id', () => {
    expect(name('證件包 wren.docs7')).toBe('alias:wrendocs7');
    expect(name('pine_kit88 store')).toBe('alias:pinekit88');
    for (const s of ['pine kit88 store', 'iPhone13 Pro', 'Shop 2024', 'v2.0 edition']) expect(name(s)).toBeNull();
  });

  it('leaves shop names, plain words and names with spaces alone', () => {
    expect(name('李老师')).toBeNull();
    expect(name('Kay Depot')).toBeNull();
    expect(name('facelab')).toBeNull();
    expect(name('通过365')).toBeNull();
  });

  it('takes the local part of an e-mail, unless it is a role mailbox', () => {
    expect(emailAlias('kycdepot@tutamail.example')?.key).toBe('alias:kycdepot');
    expect(emailAlias('sales@synthface.example')).toBeNull();
    expect(emailAlias('booking@lumen-photo.example')).toBeNull();
  });

  it('links an alias to the same id given as a handle, and never vetoes a text link', () => {
    const byName = extractHandles({ id: 'a', description: '高清原图 站內信', seller: 'twid888' });
    const byHandle = extractHandles({ id: 'b', description: '飛機 twid 八八八' });
    expect(byName.map(linkKey)).toEqual(byHandle.map(linkKey));
    expect(byName[0]!.kind).toBe('alias');
  });
});
