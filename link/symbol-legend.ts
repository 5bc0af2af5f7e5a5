/**
 * An address written with a made-up mark for '@' or '.', and a legend saying so: "kycpack.hk⊙proton.example
 * (⊙ = @)", "x★mail★example（★ 换成 .）", "⊙ means @". The legend is the seller's own key to its disguise,
 * so the mark is read as what the legend says wherever it stands in the text, and the legend is dropped
 * (folded text in and out; disguises.ts runs it before addresses are read). Only a lone symbol (no
 * letter, digit or space) standing for '@' or '.', and only with the legend: a ⊙ alone is decoration.
 */

const LEGEND = /[(（[]?\s*([^\p{L}\p{N}\s@.()（）[\]=])\s*(?:=|->|→|means|stands for|is|代表|换成|改成|即)\s*([@.])\s*[)）\]]?/gu;
// Only where some symbol is followed by a legend word or '=' and '@' / '.': most texts have none.
const MAY_HAVE_LEGEND = /(?:=|->|→|means|stands for|is|代表|换成|改成|即)\s*[@.]/;

export function symbolLegends(text: string): string {
  if (!MAY_HAVE_LEGEND.test(text)) return text;
  const marks = new Map<string, string>();
  const without = text.replace(LEGEND, (all, mark: string, meaning: string) => {
    // A mark must stand in the text besides its legend: "(= @)" after a price is no legend.
    if (text.split(mark).length < 3) return all;
    marks.set(mark, meaning);
    return ' ';
  });
  if (marks.size === 0) return text;
  let out = without;
  for (const [mark, meaning] of marks) out = out.split(mark).join(meaning);
  return out;
}
