import { describe, expect, it } from 'vitest';
import { VectorBuilder } from './vector-builder.js';

describe('composed feature names', () => {
  // The shipped model's weights sit in the buckets of the built names: the fast path must hit the same ones.
  it('land in the bucket of the name they stand for', () => {
    const built = new VectorBuilder((1 << 20) - 1);
    const composed = new VectorBuilder((1 << 20) - 1);
    built.named('strong:face_bundle', 0.5);
    composed.namedWith('strong:', 'face_bundle', 0.5);
    built.named('part:face&struct:kit', 0.25);
    composed.namedFrom(composed.prefixHash('part:face&'), 'struct:kit', 0.25);
    built.named('struct:many×sale');
    composed.namedFrom(composed.prefixHash('struct:many'), '×sale');
    expect(composed.build()).toEqual(built.build());
    // and different names stay apart
    composed.namedWith('weak:', 'face_bundle');
    expect(composed.build().index.at(-1)).not.toBe(built.build().index[0]);
  });
});
