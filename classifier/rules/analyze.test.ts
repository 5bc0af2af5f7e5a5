import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../lexicon/load.js';
import { analyzeListing, type ListingFields } from './analyze.js';

const lexicon = loadLexicon();
const hits = (listing: ListingFields) =>
  analyzeListing(lexicon, listing).hits.map((h) => ({
    id: h.entry?.id ?? h.pattern,
    kind: h.entry?.kind ?? 'pattern',
    negated: h.negated,
    text: (listing[h.field] ?? '').slice(h.start, h.end),
  }));

describe('negation', () => {
  it('keeps a denied context from lowering the score: 非床品, not a card holder', () => {
    expect(hits({ title: '四件套（不是床上用品）' }).find((h) => h.id === 'bedding')).toMatchObject({ negated: true });
    expect(
      hits({ title: 'Not a card holder, real holder shots' })
        .filter((h) => h.kind === 'context')
        .every((h) => h.negated),
    ).toBe(true);
  });

  it('reaches no further than its clause', () => {
    const found = hits({ description: '不是网图，纯棉床品' });
    expect(found.find((h) => h.id === 'bedding')).toMatchObject({ negated: false });
  });

  it('leaves a context that describes the listing alone', () => {
    expect(hits({ title: '纯棉四件套 床上用品 1.8m床' }).find((h) => h.id === 'bedding')).toMatchObject({ negated: false });
  });

  it('never negates what is sold: coded terms and trade signals count whatever precedes them', () => {
    const found = hits({ title: '未脱敏人脸数据 打包出' });
    expect(found.find((h) => h.id === 'face-data-zh')).toMatchObject({ negated: false });
  });

  it('does not take a cue from inside a longer word (性别, 非常)', () => {
    expect(hits({ description: '性别女 真人自拍' }).find((h) => h.id === 'real')).toMatchObject({ negated: false });
    expect(hits({ description: '非常纯棉的床品' }).find((h) => h.id === 'bedding')).toMatchObject({ negated: false });
    // The same words after a real cue are negated.
    expect(hits({ description: '不是真人自拍' }).find((h) => h.id === 'real')).toMatchObject({ negated: true });
  });
});

describe('pinyin initials', () => {
  it('are not read inside Latin words or dotted abbreviations', () => {
    expect(hits({ description: 'Copyright 2024 Foo S.à.r.l. All rights reserved' }).filter((h) => h.kind === 'term')).toEqual([]);
    expect(hits({ title: 'url shortener for girls' }).filter((h) => h.kind === 'term')).toEqual([]);
  });

  it('are not read in an English abbreviation joined by an ampersand, even beside a trade signal', () => {
    expect(hits({ title: 'R&L lamp shades, bulk order 500 pcs wholesale' }).filter((h) => h.kind === 'term')).toEqual([]);
    // The same letters split the way sellers split them still count.
    expect(hits({ title: 'r.l 照 三千张' }).some((h) => h.kind === 'term' && h.text.toLowerCase() === 'r.l')).toBe(true);
  });

  it('count as standalone tokens beside Chinese text', () => {
    expect(hits({ title: '出rl照 三千张' }).some((h) => h.kind === 'term' && h.text.toLowerCase().startsWith('rl'))).toBe(true);
  });

  it('need Chinese text or a trade signal in the listing', () => {
    expect(hits({ title: 'rl sfz' }).filter((h) => h.kind === 'term')).toEqual([]);
  });
});

describe('Latin words with accents', () => {
  it('hold no phrase that ends or starts beside an accented letter: the v of Vietnamese ví, và, vậy is not 加V', () => {
    const listing = { title: 'Lịch testnet', description: 'Link trong comment, nhớ dùng ví riêng và cho mình hỏi vậy nhé.' };
    expect(hits(listing).filter((h) => h.id === 'contact')).toEqual([]);
    // The same letter standing alone beside Chinese text still is.
    expect(hits({ title: '手持照 加v 详聊' }).some((h) => h.id === 'contact')).toBe(true);
  });

  it('keep an English word inside a French or Spanish one from matching: idée holds no ID', () => {
    expect(hits({ description: 'Une bonne idée pour la maison' }).filter((h) => h.text.toLowerCase() === 'id')).toEqual([]);
  });
});

describe('shadows', () => {
  it('keep Face ID and a passport photo from being parts of an offer', () => {
    expect(
      hits({ title: 'iPhone Face ID repair' })
        .filter((h) => h.kind === 'part')
        .map((h) => h.id),
    ).not.toContain('face');
    expect(
      hits({ title: 'passport photo booth' })
        .filter((h) => h.kind === 'part')
        .map((h) => h.id),
    ).not.toContain('document');
    expect(
      hits({ title: 'Face shields clear anti-fog 200 pcs' })
        .filter((h) => h.kind === 'part')
        .map((h) => h.id),
    ).not.toContain('face');
  });

  it("keep a handheld device or a selfie stick from being the trade's coded terms, and leave a term holding a shadow whole", () => {
    const terms = (listing: { title: string }) => hits(listing).filter((h) => h.kind === 'term');
    expect(terms({ title: '出 手持吸塵器 無線 九成新' })).toEqual([]);
    expect(terms({ title: '手持照明灯 LED 工作灯 10个起批' })).toEqual([]);
    expect(terms({ title: 'selfie stick, used twice' })).toEqual([]);
    // 证件照 is a shadow (a studio's ID photo) inside the term: the term is still read.
    expect(terms({ title: '手持证件照 五毛一张' }).map((h) => h.id)).toContain('handheld-id');
    expect(terms({ title: '出手持 一套三张' }).map((h) => h.id)).toContain('handheld-photo');
  });
});

describe('quotation', () => {
  it('marks what sits inside paired quotation marks, as a report or a warning quotes an offer', () => {
    const found = analyzeListing(lexicon, { description: '举报：标题写着“手持身份证照 五毛一张”，请处理' }).hits;
    expect(found.find((h) => h.entry?.id === 'handheld-id')).toMatchObject({ quoted: true });
    expect(found.find((h) => h.entry?.id === 'warning')).toMatchObject({ quoted: false });
  });
});

describe('reuse of a previous analysis', () => {
  it('analyzes only the fields whose text changed, with the same result as a fresh analysis', () => {
    const listing = { title: 'sfz 手持 出', description: '手持身份证照 五毛一张。包邮。', price: '5' };
    const variant = { ...listing, description: '手持身份证照 五毛一张。 ' };
    const first = analyzeListing(lexicon, listing);
    const reused = analyzeListing(lexicon, variant, first);
    const fresh = analyzeListing(lexicon, variant);
    // The unchanged title is the previous analysis's own; the changed description is new.
    expect(reused.fields[0]).toBe(first.fields[0]);
    expect(reused.fields[1]).not.toBe(first.fields[1]);
    expect(reused.hits).toEqual(fresh.hits);
    expect(reused.fields).toEqual(fresh.fields);
  });
});

describe('kept prices', () => {
  it('reads a price met before as it read it the first time, whatever the other fields', () => {
    const first = analyzeListing(lexicon, { title: '手持照 出', price: '0.5元/张' });
    const again = analyzeListing(lexicon, { title: '纯棉四件套', price: '0.5元/张' });
    const price = (a: typeof first) => a.fields.find((f) => f.field === 'price')!;
    expect(price(again)).toBe(price(first));
    expect(again.hits.filter((h) => h.field === 'price')).toEqual(first.hits.filter((h) => h.field === 'price'));
    expect(again.hits.some((h) => h.field === 'price' && h.pattern === 'unit-price')).toBe(true);
  });

  it('reads a long price text anew each time', () => {
    const long = '单价0.5元一张，一千张起批，量大从优，详情私聊咨询客服，当天发货，支持担保交易';
    const price = (a: ReturnType<typeof analyzeListing>) => a.fields.find((f) => f.field === 'price')!;
    expect(price(analyzeListing(lexicon, { price: long }))).not.toBe(price(analyzeListing(lexicon, { price: long })));
  });
});
