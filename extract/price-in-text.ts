import { findPrices, type Price } from './price.js';

/**
 * The price a seller writes in prose ("Asking $380 shipped", "要价2650", "Cena: 450 zł"). Sellers
 * also write what they paid and what it costs new ("bought it for $699", 原价3999, "retail $129"),
 * often first; those are not the price. So an amount after asking words wins, and an amount after
 * words of a past or list price comes last.
 */

// Just before the amount: the seller asking.
const ASKING =
  /(?<!\p{L})(asking|price[ds]?|selling (it )?(for|at)|sell(ing)? for|let it go for|yours for|want(ing)?|for sale (for|at)|cena|prix|preis|precio|prezzo|vraagprijs|harga|giá|ราคา|السعر|цена|ціна|fiyat(ı)?|価格|値段|가격|판매가|要价|要價|售价|售價|转让价?|轉讓價?|出手价|出手價|出售?|价格|價格|只要|仅需|僅需|一口价|一口價)\W{0,3}(at|is|of|:)?\s*$/iu;
// Just after the amount: "$380 shipped", "£450 ono", "1200 zł do negocjacji", "2650元不议价".
const ASKING_AFTER = /^\s*(shipped|obo|ono|firm|or best offer|neg(otiable)?|vb|do negocjacji|à débattre|不议价|不議價|可议|可議|包邮|包郵)/i;
// Just before the amount: what it cost before or costs elsewhere.
const PAST =
  /(?<!\p{L})(bought|paid|purchased|got it|retails?|retailed|rrp|msrp|list price|original(ly)?|new (for|at|price|is)|was|cost me|costs|worth|value[ds]?|≈|approx(imately)?|约合|約合|折合|原价|原價|入手|买的|買的|购入|購入|到手|新品|专柜|專櫃)\W{0,3}(it |them )?(for|at|is|:)?\s*([a-z]+ ){0,3}$/iu;

// Just before or after a number written without a currency: a price word, or the seller offering it
// at that price ("售价 450", "520 出", "520包邮", "380 obo"). Narrower than ASKING: "want 2" is a count.
const BARE_ASKING_BEFORE =
  /(?<!\p{L})(asking|price|cena|prix|preis|precio|prezzo|vraagprijs|harga|giá|ราคา|السعر|цена|ціна|fiyat(ı)?|価格|値段|가격|판매가|要价|要價|售价|售價|价格|價格|一口价|一口價|出价|出價|出手价|出手價|转手价|轉手價)\s*[:：]?\s*$/iu;
const BARE_ASKING_AFTER = /^\s*(出(?![租入])|包邮|包郵|不刀|不议|不議|obo|ono|firm|shipped)/i;

interface Found {
  readonly price: Price;
  readonly before: string;
  readonly after: string;
}

/** Every amount in a text with the words just before and after it; with `bare`, numbers without a currency too. */
function amountsIn(text: string, region: string | null, bare: boolean): Found[] {
  let from = 0;
  const found: Found[] = [];
  for (const price of findPrices(text, { region, bare })) {
    if (!(Number(price.amount) > 0)) continue;
    const at = text.indexOf(price.text, from);
    const start = at >= 0 ? at : from;
    from = start + price.text.length;
    found.push({ price, before: text.slice(Math.max(0, start - 40), start), after: text.slice(from, from + 25) });
  }
  return found;
}

/**
 * The seller's asking price in a text, else its first money that is not a past or list price, else
 * its first money. Sellers in forums and chats often write the price without a currency ("现在 520
 * 出，不刀"): a bare number counts only where asking words stand right before or after it.
 */
export function priceInText(text: string | undefined, region: string | null): Price | undefined {
  if (!text) return undefined;
  const found = amountsIn(text, region, false);
  // "Retail price $129" says price too, but of the shop's.
  const asked = found.find((f) => (ASKING.test(f.before) || ASKING_AFTER.test(f.after)) && !PAST.test(f.before));
  if (asked) return asked.price;
  const bareAsked = amountsIn(text, region, true).find(
    (f) => !f.price.marked && (BARE_ASKING_BEFORE.test(f.before) || BARE_ASKING_AFTER.test(f.after)) && !PAST.test(f.before),
  );
  return (bareAsked ?? found.find((f) => !PAST.test(f.before)) ?? found[0])?.price;
}
