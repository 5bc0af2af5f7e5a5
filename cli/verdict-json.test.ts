import { describe, expect, it } from 'vitest';
import { Classifier } from '../classifier/run.js';
import { EvidenceSchema, VerdictSchema, type Verdict } from '../contracts/index.js';
import { verdictMembers } from './verdict-json.js';

const classifier = Classifier.load();

describe('verdictMembers', () => {
  it("writes the classifier's verdicts exactly as JSON.stringify does", () => {
    const listings = [
      { title: '手持身份证照 一套三张 五毛一张 加V详聊' },
      { title: '人脸照片 五毛一张打包带走，总共两万套', description: '“不是床品” \\ 加微信 wx 12345678', price: '0.5元/张' },
      { title: 'selfie with ID "holder shots" $2 each', description: 'DM @sellerhandle on t.me/sellerhandle\n\tbulk 5000 photos' },
      { title: '儿童证件照拍摄 立等可取', price: '¥25/版' },
      { title: 'x' },
      { title: '' },
      { description: '出售人脸四件套，懂的来\u2028 \u0001 \ud800' },
    ];
    let withEvidence = 0;
    for (const listing of listings) {
      const v = classifier.classify(listing);
      if (v.evidence.length > 0) withEvidence++;
      expect(verdictMembers(v), JSON.stringify(listing)).toBe(JSON.stringify(v).slice(1, -1));
    }
    expect(withEvidence).toBeGreaterThan(2);
  });

  it('escapes evidence text and reasons, and writes a category and every score', () => {
    const v: Verdict = {
      flagged: true,
      review: false,
      category: 'face_bundle',
      score: 0.1234,
      evidence: [
        { field: 'description', start: 0, end: 5, text: 'a "b" \\ \n\t\u2028\ud83d', reason: 'coded term for face_bundle' },
        { field: 'title', start: 7, end: 9, text: '人脸', reason: 'reason "quoted"' },
      ],
      modelVersion: 'm"1+lex\\2',
    };
    expect(verdictMembers(v)).toBe(JSON.stringify(v).slice(1, -1));
    // The members are written out by name: a member added to the verdict's schema must be added there too.
    const written = JSON.parse(`{${verdictMembers(v)}}`) as Verdict;
    expect(Object.keys(written).sort()).toEqual(Object.keys(VerdictSchema.shape).sort());
    expect(Object.keys(written.evidence[0]!).sort()).toEqual(Object.keys(EvidenceSchema.shape).sort());
    for (const score of [0, 1, 1e-7, 0.5, 0.9999])
      expect(verdictMembers({ ...v, score, evidence: [] })).toBe(JSON.stringify({ ...v, score, evidence: [] }).slice(1, -1));
  });
});
