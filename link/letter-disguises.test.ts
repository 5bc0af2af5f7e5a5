import { describe, expect, it } from 'vitest';
import { extractHandles } from './contact-handles.js';
import { foldText } from './fold-text.js';
import { natoSpelled, upsideDown } from './letter-disguises.js';

describe('natoSpelled', () => {
  it('reads an id spelled in the NATO alphabet, with its underscore and digits', () => {
    expect(natoSpelled('tg: sierra alpha mike golf oscar romeo underscore victor charlie alpha mike')).toBe('tg: samgor_vcam');
    expect(natoSpelled('id kilo echo november juliet india seven seven')).toBe('id kenji77');
  });

  it('leaves prose with a few alphabet words alone', () => {
    for (const s of ['golf hotel near the beach', 'alpha bravo team', 'papa and mike went to the hotel', 'one two three four five'])
      expect(natoSpelled(s)).toBe(s);
  });

  it('gives the Telegram id a seller spelled that way, not its first word', () => {
    const keys = extractHandles({ id: 'x', description: 'TG: sierra alpha mike golf oscar romeo underscore victor charlie alpha mike' }).map((h) => h.key);
    expect(keys).toEqual(['tg:samgor_vcam']);
  });
});

describe('upsideDown', () => {
  it('turns flipped text back over: reversed, each letter as it reads the right way up', () => {
    expect(upsideDown(foldText('ɹɐɐzɐqɔʎʞ'))).toBe('kycbazaar');
    expect(upsideDown('tg: 6ɐʇ_ǝɔɐɟ')).toBe('tg: face_ta9');
  });

  it('leaves text with one such letter or none alone', () => {
    for (const s of ['hello world', 'ʞ', 'the ipa ɐ sound', 'bpqd unpd']) expect(upsideDown(s)).toBe(s);
  });

  it('gives the id after a note on how to read it, not the note', () => {
    const keys = extractHandles({ id: 'x', description: 'Escrow ok. tg (flip your phone): ɹɐɐzɐqɔʎʞ' }).map((h) => h.key);
    expect(keys).toEqual(['tg:kycbazaar']);
  });
});

describe('letter disguises on words that are names of object properties', () => {
  it('leaves "constructor" and "toString" as written', () => {
    const s = 'constructor tostring valueof hasownproperty __proto__ one two';
    expect(natoSpelled(s)).toBe(s);
  });
});
