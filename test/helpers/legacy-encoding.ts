/**
 * Encodes text in a legacy double-byte charset (GBK, Big5) for test pages. Node only decodes
 * these, so the table is built backwards from TextDecoder: the same WHATWG tables browsers use.
 */
const encoders = new Map<string, Map<string, number[]>>();

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
// Lead and trail byte ranges of each charset's double-byte characters.
const LAYOUT: Record<string, { leads: number[]; trails: number[] }> = {
  gbk: { leads: range(0x81, 0xfe), trails: [...range(0x40, 0x7e), ...range(0x80, 0xfe)] },
  big5: { leads: range(0x81, 0xfe), trails: [...range(0x40, 0x7e), ...range(0xa1, 0xfe)] },
};

function table(charset: 'gbk' | 'big5'): Map<string, number[]> {
  let map = encoders.get(charset);
  if (!map) {
    map = new Map();
    const decoder = new TextDecoder(charset);
    const { leads, trails } = LAYOUT[charset]!;
    for (const lead of leads) {
      for (const trail of trails) {
        const char = decoder.decode(Uint8Array.of(lead, trail));
        if (char.length === 1 && char !== '\ufffd' && !map.has(char)) map.set(char, [lead, trail]);
      }
    }
    encoders.set(charset, map);
  }
  return map;
}

export function encodeLegacy(text: string, charset: 'gbk' | 'big5'): Buffer {
  const map = table(charset);
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = map.get(char);
      if (!pair) throw new Error(`${char} has no ${charset} encoding`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}
