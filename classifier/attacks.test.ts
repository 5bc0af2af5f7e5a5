import { describe, expect, it } from 'vitest';
import { applyAttack, ATTACK_KINDS } from './attacks/apply.js';
import { loadAttackPool } from './attacks/pool.js';
import { Classifier } from './classify.js';
import type { CorpusItem } from './corpus/schema.js';
import { loadCorpus } from './corpus/load.js';
import { mulberry32 } from './model/linear-model.js';

/**
 * The attacks of issue 9, each reproduced: a seller pads or disguises an offer, and the verdict holds.
 * The listings here are written for these tests (the corpus and its held-out split stay untouched).
 */
const classifier = Classifier.load();
const item = (over: Partial<CorpusItem>): CorpusItem => ({
  id: 't-1',
  label: 'id_holding_photo',
  lang: 'zh',
  evasive: false,
  hardNegative: false,
  newJargon: false,
  ...over,
});

describe('padding does not dilute an offer', () => {
  const offer = { title: '手持身份证照 五毛一张 加V详聊' };
  const base = classifier.classify(offer);

  it('flags the offer as written', () => expect(base).toMatchObject({ flagged: true, category: 'id_holding_photo' }));

  it('holds under ordinary shop sentences, lorem ipsum and script-like noise', () => {
    for (const description of [
      '这件商品质量很好，欢迎选购。'.repeat(5),
      'lorem ipsum dolor sit amet '.repeat(10),
      'function f(a){return a*2};var x=[1,2,3];document.cookie="s=1";\n20231104 5531 889102',
    ]) {
      const v = classifier.classify({ ...offer, description });
      expect(v.flagged, description.slice(0, 20)).toBe(true);
      expect(Math.abs(v.score - base.score), description.slice(0, 20)).toBeLessThan(0.05);
    }
  });

  it('reads a repeated line once', () => {
    const once = classifier.classify({ title: '人脸打包 加V' });
    const tenTimes = classifier.classify({ title: '人脸打包 加V', description: Array(10).fill('人脸打包 加V').join('\n') });
    expect(tenTimes.flagged).toBe(once.flagged);
    expect(tenTimes.score).toBeCloseTo(once.score, 1);
  });
});

describe('sentences added around coded jargon do not dilute it', () => {
  const jargon = { title: '四件套 现货 懂的来' };

  it('a card-holder line appended to a coded kit offer does not un-flag it', () => {
    expect(classifier.classify(jargon).flagged).toBe(true);
    // The attack as found: one borrowed sentence (an ID-card cover) took this from 0.99 to 0.13.
    const attacked = classifier.classify({ ...jargon, description: '证件保护套尺寸标准，放进去刚刚好。' });
    expect(attacked).toMatchObject({ flagged: true, category: 'identity_kit' });
    expect(attacked.evidence.some((e) => e.text === '四件套')).toBe(true);
  });

  it('a borrowed developer or research line (a benign product of its own) does not un-flag it either', () => {
    // Before, "Open-source toolkit for developers." read as the listing's own B2B frame and took this to 0.61, unflagged.
    const fullz = { title: 'fullz w/ selfie, fresh' };
    expect(classifier.classify(fullz).flagged).toBe(true);
    for (const line of ['Open-source toolkit for developers.', '支持SDK接入，开发者可对接。']) {
      expect(classifier.classify({ ...fullz, description: line }), line).toMatchObject({ flagged: true });
    }
  });

  it('a cover put before or after an offer in jargon no rule names does not un-flag it', () => {
    // The rules read a sale here (a price per unit) but name no product: the model reads "vids from 1 pic"
    // as liveness bypass. Before, nothing was tried without the memorial line, which took it to 0.14.
    const memorial = 'Our studio also restores old family photos for memorial slideshows.';
    for (const offer of [
      { title: 'blink n turn vids from 1 pic', description: 'for the app checks. mp4 in 5 min. $8 each, 10 for $60' },
      { title: '点头视频 一张照片就能做', description: '过app那一步用的。五分钟出片，一条八块，十条六十。' },
    ]) {
      expect(classifier.classify(offer).flagged).toBe(true);
      for (const description of [`${memorial} ${offer.description}`, `${offer.description} ${memorial}`]) {
        expect(classifier.classify({ ...offer, description }), description).toMatchObject({ flagged: true });
      }
    }
  });

  it('ordinary sentences of a benign listing are evidence too: a camera sold with a portrait lens stays unflagged', () => {
    const camera = {
      title: '出二手单反 佳能 附赠人像镜头',
      description: '自用佳能单反 快门2万 附50mm人像定焦 拍全家福、宝宝照超好看\n存储卡已格式化 里面照片都删了 放心\n1800 同城自提',
    };
    expect(classifier.classify(camera).flagged).toBe(false);
  });

  it('a warning that quotes the jargon is read whole, not without its warning', () => {
    const warning = { title: '四件套 现货 懂的来', description: '警惕！这是骗子的话术，千万不要卖自己的身份证和银行卡。' };
    expect(classifier.classify(warning).flagged).toBe(false);
  });
});

describe('a text with nothing in it is not an offer', () => {
  it('flags no one-character or one-word title, and sends none to review', () => {
    for (const title of ['x', 'a', '1', '好', 'hi', 'test', 'Persona', '完整卡號', '家用电饭煲 3L 智能预约']) {
      expect(classifier.classify({ title }), title).toMatchObject({ flagged: false, review: false });
    }
  });
});

describe('a cover cannot disarm a concrete offer', () => {
  it('a kit posted as "not bedding" stays an identity kit', () => {
    const v = classifier.classify({ title: '纯棉四件套（不是床上用品哦）', description: '正反面手持加银行卡，同一个人一套，15元一套，懂的来', price: '15' });
    expect(v).toMatchObject({ flagged: true, category: 'identity_kit' });
    expect(v.evidence.some((e) => e.text === '床上用品' && e.reason.startsWith('denied context'))).toBe(true);
  });

  it('a résumé-template title on ID scans and handheld photos sold at a price does not lower the score', () => {
    // Before, the job and warning contexts took it to 0.0000. Now the cover counts for nothing (whether
    // the listing flags is the model's figure).
    const description = '每份案例含身份证扫描件、本人手持身份证照片和银行卡照片，10元一份';
    // The cover sentence is not read at all: the score is the description's, to the last digit.
    expect(classifier.classify({ title: '简历模板', description }).score).toBe(classifier.classify({ description }).score);
    // Beside other words ("with real examples") the cover still counts for nothing, and the evidence says so.
    const covered = classifier.classify({ title: '简历模板（附真实案例）', description });
    expect(covered.evidence.map((e) => e.text)).toEqual(expect.arrayContaining(['手持身份证照', '10元一份']));
    expect(covered.evidence.find((e) => e.text === '简历')?.reason).toBe('cover, not counted beside the offer: job context');
  });

  it('"holder shots" are photos of people holding their document, not card holders', () => {
    const v = classifier.classify({
      title: 'Holder shots, $3 per shot',
      description: 'Subject holds the document beside the face, card text crisp, bulk available.',
    });
    expect(v).toMatchObject({ flagged: true, category: 'id_holding_photo' });
  });

  it('a "memorial video" maker doing a face check\'s motions from anyone\'s photo is liveness bypass', () => {
    const v = classifier.classify({ title: '纪念视频制作', description: '任何人的照片都能做，眨眼张嘴转头，app要求的动作都行，20元一条' });
    expect(v).toMatchObject({ flagged: true, category: 'liveness_bypass' });
  });

  it('3D-printed busts for face unlock are liveness bypass', () => {
    const v = classifier.classify({ title: '3D打印头像', description: '两张照片就能打印，客户拿去刷脸解锁，谁的脸不关我事', price: '200' });
    expect(v).toMatchObject({ flagged: true, category: 'liveness_bypass' });
  });
});

describe('negation is read', () => {
  it('a synthetic-face dataset that holds no real people is not flagged', () => {
    expect(classifier.classify({ title: '合成人脸数据集', description: '本数据集不含真人，全部为AI生成的虚拟人脸，CC BY 4.0授权' }).flagged).toBe(false);
    expect(classifier.classify({ title: 'Synthetic faces dataset', description: 'No real people: every face is generated by a GAN. CC BY 4.0.' }).flagged).toBe(
      false,
    );
  });

  it('"not de-identified" (未脱敏) is no consent', () => {
    expect(classifier.classify({ title: '人脸照片三千张', description: '真人照片，未脱敏，打包出' })).toMatchObject({ flagged: true, category: 'face_bundle' });
  });
});

describe('every attack kind', () => {
  const pool = loadAttackPool('train');
  const offer = item({ title: '手持身份证照 五毛一张', description: '一套三张，正反面加手持，加V详聊' });

  it('keeps the label and adds text', () => {
    const rand = mulberry32(1);
    for (const kind of ATTACK_KINDS) {
      const attacked = applyAttack(offer, kind, pool, rand);
      expect(attacked.label, kind).toBe(offer.label);
      expect(`${attacked.title}${attacked.description}`.length, kind).toBeGreaterThan(`${offer.title}${offer.description}`.length);
    }
  });

  it('leaves this offer flagged', () => {
    const rand = mulberry32(2);
    for (const kind of ATTACK_KINDS) expect(classifier.classify(applyAttack(offer, kind, loadAttackPool('eval'), rand)).flagged, kind).toBe(true);
  });
});

describe('every flag has a reason', () => {
  it('over the whole corpus and the corpus under the attacks of the evaluation pool', () => {
    const pool = loadAttackPool('eval');
    const rand = mulberry32(3);
    let flags = 0;
    for (const listing of loadCorpus().items) {
      // Each listing as written and under one attack (its kind cycles through all of them).
      const kind = ATTACK_KINDS[flags % ATTACK_KINDS.length]!;
      for (const variant of [listing, applyAttack(listing, kind, pool, rand)]) {
        const v = classifier.classify(variant);
        if (!v.flagged) continue;
        flags++;
        expect(
          v.evidence.some((e) => !e.reason.startsWith('lowers') && !e.reason.startsWith('denied')),
          variant.id,
        ).toBe(true);
      }
    }
    expect(flags).toBeGreaterThan(4_000);
  }, 300_000);
});
