import { findPrices, type Price } from './price.js';

/**
 * The price a seller writes in prose ("Asking $380 shipped", "要价2650", "Cena: 450 zł"). Sellers
 * also write what they paid and what it costs new ("bought it for $699", 原价3999, "retail $129"),
 * often first; those are not the price. So an amount after asking words wins, and an amount after
 * words of a past or list price comes last.
 */

// Just before the amount: the seller asking.
const ASKING =
  /(?<!\p{L})(asking|price[ds]?|selling (it )?(for|at)|sell(ing)? for|let it go for|yours for|want(ing)?|for sale (for|at)|cena|prix|preis|precio|prezzo|vraagprijs|要价|要價|售价|售價|转让价?|轉讓價?|出售?|价格|價格|只要|仅需|僅需|一口价|一口價)\W{0,3}(at|is|of|:)?\s*$/iu;
// Just after the amount: "$380 shipped", "£450 ono", "1200 zł do negocjacji", "2650元不议价".
const ASKING_AFTER = /^\s*(shipped|obo|ono|firm|or best offer|neg(otiable)?|vb|do negocjacji|à débattre|不议价|不議價|可议|可議|包邮|包郵)/i;
// Just before the amount: what it cost before or costs elsewhere.
const PAST =
  /(?<!\p{L})(bought|paid|purchased|got it|retails?|retailed|rrp|msrp|list price|original(ly)?|new (for|at|price|is)|was|cost me|costs|worth|value[ds]?|原价|原價|入手|买的|買的|购入|購入|到手|新品|专柜|專櫃)\W{0,3}(it |them )?(for|at|is|:)?\s*([a-z]+ ){0,3}$/iu;

/** The seller's asking price in a text, else its first money that is not a past or list price, else its first money. */
export function priceInText(text: string | undefined, region: string | null): Price | undefined {
  if (!text) return undefined;
  let from = 0;
  const found: { price: Price; before: string; after: string }[] = [];
  for (const price of findPrices(text, { region })) {
    if (!(Number(price.amount) > 0)) continue;
    const at = text.indexOf(price.text, from);
    const start = at >= 0 ? at : from;
    from = start + price.text.length;
    found.push({ price, before: text.slice(Math.max(0, start - 40), start), after: text.slice(from, from + 25) });
  }
  // "Retail price $129" says price too, but of the shop's.
  const asked = found.find((f) => (ASKING.test(f.before) || ASKING_AFTER.test(f.after)) && !PAST.test(f.before));
  return (asked ?? found.find((f) => !PAST.test(f.before)) ?? found[0])?.price;
}
