import { describe, expect, it } from 'vitest';
import { VerdictSchema } from '../contracts/index.js';
import { Classifier } from './classify.js';
import { loadCorpus } from './corpus/load.js';
import { parseOverlay } from './lexicon/overlay.js';

const classifier = Classifier.load();

describe('Classifier', () => {
  it("sends the ads the press quoted to an investigator, and flags them with a seller's own terms", () => {
    // The press lines are quoted word for word by the corpus's hard negatives (warnings, reports), so the
    // model may only put them in the review band; every one must reach an investigator with its term as evidence.
    for (const [title, term] of [
      ['出售人脸四件套，懂的来', '人脸四件套'],
      ['人脸照片 五毛一张打包带走，总共两万套', '人脸照片'],
      ['照片活化软件+教程 眨眨眼张张嘴点点头', '照片活化软件'],
      ['手持身份证照 一套三张 加V', '手持身份证照'],
    ] as const) {
      const v = classifier.classify({ title });
      expect(v.flagged || v.review, title).toBe(true);
      expect(
        v.evidence.map((e) => e.text),
        title,
      ).toContain(term);
    }
    expect(classifier.classify({ title: '出售人脸四件套，懂的来' })).toMatchObject({ flagged: true, category: 'identity_kit' });
    expect(classifier.classify({ title: '照片活化软件+教程 眨眨眼张张嘴点点头', price: '35元' })).toMatchObject({ flagged: true, category: 'liveness_bypass' });
    expect(classifier.classify({ title: '手持身份证照 一套三张 五毛一张 加V详聊' })).toMatchObject({ flagged: true, category: 'id_holding_photo' });
  });

  it('leaves the everyday meanings of the same words alone', () => {
    for (const title of [
      '纯棉四件套 床上用品 1.8m床',
      '手持云台 三轴稳定器 拍视频',
      '证件照 一寸二寸 换底色 精修',
      'Dead Sea clay face pack, hydrating',
      'selfie ring light with tripod',
    ]) {
      expect(classifier.classify({ title }), title).toMatchObject({ flagged: false, category: null });
    }
  });

  it("never lowers a verdict for approving a term: the shipped lexicon's verdict stands when it scores higher", () => {
    // The model has no weight of its own for an approved term; its category's features can weigh less
    // than the words the shipped lexicon read (fl-8264cd2adf: 0.707 without the overlay, 0.679 with it).
    // A threshold between the two puts this listing where approval alone would take its flag away.
    const listing = {
      title: 'Understudy',
      description: 'Need a face for your verification? An understudy does the selfie check for you. $80 per check.',
    };
    const overlay = parseOverlay({ terms: [{ term: 'understudy', variants: ['understudies'], category: 'identity_kit', needsSignal: true }] });
    const shippedScore = classifier.score(listing).score;
    const approvedScore = Classifier.load({ overlay }).score(listing).score;
    expect(approvedScore).toBeLessThan(shippedScore);
    const threshold = (shippedScore + approvedScore) / 2;
    const shipped = Classifier.load({ threshold });
    const approved = Classifier.load({ overlay, threshold });
    expect(shipped.classify(listing).flagged).toBe(true);
    const v = approved.classify(listing);
    expect(v.flagged).toBe(true);
    expect(v.modelVersion).toBe(approved.version);
    expect(shipped.withOverlay(overlay).classify(listing).flagged).toBe(true);
  });

  it('scores an empty listing 0', () => {
    expect(classifier.classify({})).toMatchObject({ flagged: false, score: 0, evidence: [] });
  });

  it('records the model version, which names the lexicon it was trained with', () => {
    expect(classifier.classify({ title: 'x' }).modelVersion).toBe(classifier.version);
    expect(classifier.version).toMatch(/^fl-[0-9a-f]{10}\+t\d+s\d+c\d+e\d+p\d+n\d+-[0-9a-f]{8}$/);
  });

  it('gives valid verdicts whose evidence spans are exact slices of the original fields, for every corpus listing', () => {
    let spans = 0;
    for (const item of loadCorpus().items) {
      const v = VerdictSchema.parse(classifier.classify(item));
      for (const e of v.evidence) {
        const original = item[e.field] ?? '';
        expect(original.slice(e.start, e.end), `${item.id} ${e.field}`).toBe(e.text);
        expect(e.end).toBeGreaterThan(e.start);
        spans++;
      }
    }
    expect(spans).toBeGreaterThan(1000);
    // The whole corpus, 7,730 listings: minutes rather than seconds on a loaded 2-core machine.
  }, 300_000);
});
