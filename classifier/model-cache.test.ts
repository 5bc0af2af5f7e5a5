import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Classifier } from './classify.js';
import type { CorpusItem } from './corpus/schema.js';
import { loadLexicon } from './lexicon/load.js';
import { cachedModel, modelCachePath } from './model-cache.js';
import { DEFAULT_TRAIN_CONFIG, trainModel } from './model/train.js';

const item = (id: string, label: CorpusItem['label'], title: string): CorpusItem => ({
  id,
  lang: 'zh',
  label,
  title,
  evasive: false,
  hardNegative: false,
  newJargon: false,
});
const items = [
  item('wab-0001', 'id_holding_photo', '手持身份证照 五毛一张 加V详聊'),
  item('wab-0002', 'face_bundle', '人脸照片打包 两万套 量大优惠'),
  item('wab-0003', 'benign', '二手自行车 九成新 自提'),
  item('wab-0004', 'benign', '床上用品四件套 纯棉 包邮'),
];
const config = { ...DEFAULT_TRAIN_CONFIG, folds: 0, optimizer: { ...DEFAULT_TRAIN_CONFIG.optimizer, epochs: 1 } };
const dir = mkdtempSync(join(tmpdir(), 'faceleak-model-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the cross-source model cache', () => {
  const lexicon = loadLexicon();

  it('names a model by what it was trained from', () => {
    const a = modelCachePath(dir, 'wab+wcd', lexicon, items, config);
    expect(modelCachePath(dir, 'wab+wcd', lexicon, items, config)).toBe(a);
    expect(modelCachePath(dir, 'wab+wcd', lexicon, items.slice(1), config)).not.toBe(a);
    expect(modelCachePath(dir, 'wab+wcd', lexicon, items, { ...config, attackCopies: 3 })).not.toBe(a);
    expect(modelCachePath(dir, 'wef', lexicon, items, config)).not.toBe(a);
  });

  it('trains once, then finds the same model again', () => {
    const path = modelCachePath(dir, 'wab', lexicon, items, config);
    let trainings = 0;
    const train = () => {
      trainings++;
      return trainModel(lexicon, items, 'test', config);
    };
    const first = cachedModel(path, train);
    const second = cachedModel(path, train);
    expect(trainings).toBe(1);
    expect(readdirSync(dir)).toHaveLength(1);
    const listing = { title: '手持身份证照 一块一张' };
    expect(new Classifier(lexicon, second).score(listing).score).toBe(new Classifier(lexicon, first).score(listing).score);
  });

  it('trains every time without a cache', () => {
    let trainings = 0;
    cachedModel(null, () => (trainings++, trainModel(lexicon, items, 'test', config)));
    cachedModel(null, () => (trainings++, trainModel(lexicon, items, 'test', config)));
    expect(trainings).toBe(2);
  });
});
