import type { Element } from 'domhandler';

/**
 * What an element's class and id say it is, and which of those are never the listing's own text:
 * reviews, related and recommended items, ads, cookie and privacy notes, login boxes, menus. Readers
 * of the page (main content, prices, sellers) skip such blocks whole. Words are matched as whole
 * tokens ("review" in reviewsMedley or cm-cr-review-list, not "ad" in "shadow"), after splitting on
 * punctuation and camelCase.
 */

/**
 * Attributes besides class and id that sites name their parts with: sites whose class names are
 * hashed (css-1t507yq, D_kR, fV3TIn) say what an element is in test and analytics attributes
 * (data-testid="ad-price", data-cy="ad_description", data-q="seller-name", data-marker="item-view/item-price").
 */
export const NAMING_ATTRIBUTES = [
  'data-testid',
  'data-test',
  'data-test-id',
  'data-cy',
  'data-qa',
  'data-qa-id',
  'data-q',
  'data-marker',
  'data-pl',
  'data-selector',
  'data-e2e',
  'data-box-name',
  'data-automation',
] as const;

/** The raw names an element carries: class, id and the naming attributes, space-separated. */
export function rawNames(el: Element): string {
  const a = el.attribs;
  let out = `${a.class ?? ''} ${a.id ?? ''}`;
  // Most elements carry no data- attribute at all: one look at their few keys before the list's.
  if (hasDataAttribute(a)) for (const name of NAMING_ATTRIBUTES) if (a[name] !== undefined) out += ` ${a[name]}`;
  return out;
}

function hasDataAttribute(attribs: Record<string, string>): boolean {
  for (const key in attribs) if (key.startsWith('data-')) return true;
  return false;
}

const NO_TOKENS: string[] = [];
// Tokens by raw names: a page repeats a few dozen class strings over thousands of elements, so
// this is asked far more often than it splits. Emptied when full (names from many pages pile up).
const tokenCache = new Map<string, string[]>();
const MAX_CACHED_NAMES = 5000;
const MAX_CACHED_LENGTH = 200;

/** Tokens of an element's names: "cm_cr-reviewList x-item" → cm, cr, review, list, x, item. Do not change the array. */
export function nameTokens(el: Element): string[] {
  const raw = rawNames(el);
  if (raw.length === 1) return NO_TOKENS;
  // (A long one is split each time: hostile pages could otherwise fill the cache with megabytes.)
  if (raw.length > MAX_CACHED_LENGTH) return splitNames(raw);
  let tokens = tokenCache.get(raw);
  if (!tokens) {
    if (tokenCache.size >= MAX_CACHED_NAMES) tokenCache.clear();
    tokenCache.set(raw, (tokens = splitNames(raw)));
  }
  return tokens;
}

function splitNames(raw: string): string[] {
  if (raw.trim() === '') return [];
  return raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((t) => (t.length > 3 && t.endsWith('s') && !t.endsWith('ss') ? t.slice(0, -1) : t));
}

/** Other people's words and other items: never the listing's seller or price either, wherever they sit. */
const OTHERS = new Set([
  'review',
  'comment',
  'rating',
  'related',
  'recommend',
  'recommended',
  'recommendation',
  'similar',
  'sim',
  'carousel',
  'sponsor',
  'sponsored',
  // Not 'ad' nor 'advert': on a classifieds site they are the listing itself (ad-title, b-advert-title);
  // an ad network's slots are 'ads', 'adslot', 'advertisement'.
  'ads',
  'adslot',
  'adunit',
  'advertisement',
  'guess',
  'also',
  'recently',
  'viewed',
  'bought',
  'question',
  'answer',
  'tuijian',
  'pinglun',
  'xiangguan',
  'cainixihuan',
  'caini',
]);
/** Page furniture and other people's words: never the listing's text. */
const NOISE = new Set([
  ...OTHERS,
  'adsbygoogle',
  'cookie',
  'consent',
  // Consent managers, named for their vendor rather than for cookies (#onetrust-banner-sdk, #didomi-host, #CybotCookiebotDialog).
  'onetrust',
  'didomi',
  'cookiebot',
  'cybot',
  'usercentric',
  'truste',
  'osano',
  'iubenda',
  'gdpr',
  'privacy',
  'breadcrumb',
  'crumb',
  'footer',
  'nav',
  'navbar',
  'navigation',
  'menu',
  'sidebar',
  'modal',
  'popup',
  'dialog',
  'login',
  'signin',
  'signup',
  'register',
  'newsletter',
  'subscribe',
  'share',
  'sharing',
  'social',
  'copyright',
  'legal',
  'faq',
  // Not 'qa': "qa-advert-title" is a test hook on many sites; Q&A blocks say question/answer or have a heading.
  'toast',
  'tooltip',
  // Support chat widgets, saved with their greeting ("Hi! Need help?…") after the footer (#intercom-container,
  // .crisp-client); a plain "chat" only beside a widget's words (isChatWidget).
  'livechat',
  'chatbot',
  'customerchat',
  'tidio',
  'hubspot',
  'intercom',
  'drift',
  'tawk',
  'crisp',
  'zendesk',
  'freshchat',
  'comparison',
  'compare',
  // A platform's safety box, a "report this ad" notice and the category's SEO copy: the same on every listing.
  'safety',
  'seo',
  'anquan',
  'jubao',
]);
const NOISE_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'button',
  'select',
  'option',
  'iframe',
  'object',
  'canvas',
  'dialog',
  'nav',
  'footer',
  'aside',
  'menu',
]);
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
/**
 * Classes that hide an element in the frameworks sites are built with (Tailwind and others' `hidden`,
 * Bootstrap's `d-none`, Amazon's `a-hidden`/`aok-hidden`, SingleFile's `sf-hidden`…): a saved page
 * keeps its closed modals and templates, hidden only by a style sheet that says so. Not
 * `visually-hidden`/`sr-only`: screen-reader text ("Price:") is the page's words.
 */
const HIDING_CLASSES = new Set(['hidden', 'hide', 'd-none', 'a-hidden', 'aok-hidden', 'u-hidden', 'is-hidden', 'display-none', 'wt-display-none', 'sf-hidden']);
// A hiding class beside a breakpoint's display class is shown on wide screens ("hidden md:block", "d-none d-lg-flex").
const SHOWN_AT_BREAKPOINT =
  /(^|\s)([a-z0-9]+:(block|flex|grid|inline|inline-block|inline-flex|table|contents)|d-[a-z]+-(block|flex|grid|inline|inline-block|inline-flex|table))(\s|$)/;

/** Whether an element is hidden: the `hidden` attribute, a hiding style, or a hiding class. */
export function isHidden(el: Element): boolean {
  return 'hidden' in el.attribs || (el.attribs.style !== undefined && HIDDEN_STYLE.test(el.attribs.style)) || hiddenByClass(el);
}

/** Whether an element's classes hide it (see HIDING_CLASSES), with no breakpoint that shows it. */
export function hiddenByClass(el: Element): boolean {
  const cls = el.attribs.class;
  // (A substring test first: it is asked of every element.)
  if (!cls || !/hid|none/.test(cls)) return false;
  return cls.split(/\s+/).some((c) => HIDING_CLASSES.has(c)) && !SHOWN_AT_BREAKPOINT.test(cls);
}

// Words that name furniture or others' words in one place and the listing's text in another: the
// seller's comment on Yahoo! Auctions is "ProductExplanation__commentBody", AliExpress's description
// tab is "#nav-description". A description word beside them settles it.
const AMBIGUOUS = new Set(['comment', 'nav']);
const DESCRIBES = new Set(['description', 'desc', 'explanation', 'setsumei', 'miaoshu']);
const counts = (tokens: string[], set: Set<string>) =>
  tokens.some((t) => set.has(t)) && !(tokens.some((t) => DESCRIBES.has(t)) && tokens.filter((t) => set.has(t)).every((t) => AMBIGUOUS.has(t)));

/** Whether the element itself holds other people's words or other items (reviews, related listings, ads). */
export function isOthers(el: Element): boolean {
  return counts(nameTokens(el), OTHERS);
}

// Names of a block that holds the listing's description (a tab or a collapsed "read more").
const DESCRIPTION_NAME = /^(desc|description|descriptions|detail|details|xiangqing|miaoshu|jieshao|explanation|intro|introduction)$/;

/**
 * A hidden block named for the description: a "Details" / 商品详情 tab the page shows on a click,
 * or a collapsed full text. Its text is the listing's all the same; other hidden blocks (a closed
 * menu, a template, another tab) stay out.
 */
function isHiddenDescription(el: Element): boolean {
  return nameTokens(el).some((t) => DESCRIPTION_NAME.test(t));
}

// "chat" names a support widget only beside one of these (#chat-widget-container, .chat-launcher): a seller's
// "chat to buy" box holds the listing's price.
const CHAT_WIDGET_PARTS = new Set(['widget', 'launcher', 'bubble', 'bot', 'support', 'window', 'messenger']);
const isChatWidget = (tokens: string[]) => tokens.includes('chat') && tokens.some((t) => CHAT_WIDGET_PARTS.has(t));

/** Whether the element itself (not its ancestors) is noise. */
export function isNoise(el: Element): boolean {
  if (NOISE_TAGS.has(el.name)) return true;
  if (isHidden(el) && !isHiddenDescription(el)) return true;
  const role = el.attribs.role;
  // The page's own main region, whatever layout words its utility classes carry ("right-sidebar-xs").
  if (el.name === 'main' || role === 'main') return false;
  if (role === 'navigation' || role === 'contentinfo' || role === 'dialog' || role === 'menu' || role === 'menubar') return true;
  const tokens = nameTokens(el);
  return counts(tokens, NOISE) || isChatWidget(tokens);
}

const WEAK = new Set([
  'shipping',
  'delivery',
  'return',
  'payment',
  'policy',
  'help',
  'contact',
  'report',
  'feedback',
  'tag',
  'rank',
  'hot',
  'promo',
  'promotion',
  'coupon',
  'toolbar',
  'banner',
  'seller',
  'store',
  'shop',
  'price',
  'cart',
  'buy',
  'qrcode',
  'download',
  'app',
  'service',
  'guarantee',
  'disclaimer',
  'notice',
  'tip',
  'warning',
  'header',
  'title',
  'head',
  'logo',
  'search',
  'filter',
  'sort',
]);
// "bullet" and "highlight": a product's feature bullets (#feature-bullets, .product-highlights) are its description, often the only one near the title.
const STRONG = /desc|detail|content|article|posting|intro|message|summary|overview|explanation|bullet|highlight|xiangqing|miaoshu|jieshao|neirong/;
const GOOD = new Set(['body', 'post', 'text', 'main', 'about', 'feature', 'bullet', 'story', 'entry', 'listing', 'info']);

/** How much an element's names speak for it holding the listing's text: +25 for each strong sign, -25 for a weak counter-sign. */
export function nameWeight(el: Element): number {
  const tokens = nameTokens(el);
  if (tokens.length === 0) return 0;
  let weight = 0;
  if (tokens.some((t) => STRONG.test(t))) weight += 25;
  else if (tokens.some((t) => GOOD.has(t))) weight += 10;
  if (tokens.some((t) => WEAK.has(t))) weight -= 25;
  return weight;
}

/** Section headings that open a block of other people's words or other items, in the languages of the sites read. */
const NOISE_HEADINGS = [
  String.raw`(customer )?reviews?\b|ratings?\b|(questions|q ?& ?a)\b|(you may also like|related|similar|recommended|sponsored|customers (also|who)|more (from|items|to explore)|people also|frequently bought|explore more|recently viewed|other (items|listings)|see more)`,
  // Spanish, Portuguese, French, Italian.
  String.raw`(opiniones|reseñas|valoraciones|preguntas|productos (relacionados|similares)|publicaciones similares|anuncios similares|también te puede|avaliações|opiniões|perguntas|produtos (relacionados|semelhantes)|anúncios semelhantes|você também pode|avis\b|questions\b|annonces similaires|produits similaires|vous aimerez|recensioni|domande|annunci simili|prodotti (correlati|simili)|potrebbe interessarti)`,
  // German, Dutch, Polish, Russian, Turkish, Indonesian.
  String.raw`((kunden)?bewertungen|kundenrezensionen|rezensionen|fragen (und|&) antworten|ähnliche (anzeigen|artikel|produkte)|das könnte dich|kunden kauften auch|beoordelingen|recensies|vergelijkbare|anderen bekeken|opinie|oceny|pytania|podobne|polecane|отзывы|вопросы|похожие|рекомендуем|вам может понравиться|değerlendirme|yorumlar|benzer ürünler|ulasan|produk serupa)`,
  // A shop's own policies under a listing (shipping, returns, payment): the same on every item, and
  // longer than a one-line description beside them.
  String.raw`((shipping|delivery|postage)( ?(,|and|&|\+) ?(returns?|payments?|exchanges?|care))+|(shipping|delivery|return|refund|exchange|store|shop) polic(y|ies)\b|returns?( ?(&|and) ?(refunds?|exchanges?))\b|versand( ?(und|&) ?(rückgabe|zahlung))|envío(s)? y devoluci|envio e devoluç|livraison et retours|spedizione e resi|wysyłka i zwroty|доставка и возврат|kargo ve iade|配送(与|和|及)?(退换|退貨|退货)|退换货(说明|政策)|買家須知|购买须知|購買須知|배송 ?(및|\/) ?(교환|반품))`,
  // The platform's words beside every listing: safety advice, a "report this ad" notice, the site's or the
  // shop's "about" box, a comments box. Not "about this item": that is the listing's own.
  String.raw`(stay safe|safety (tips|advice|first)|(tips for )?(buying|selling|trading) safely|safe (buying|trading)|sicherheitshinweise|sicher (kaufen|handeln)|consejos de seguridad|conseils de sécurité|dicas de segurança|consigli (per la )?sicurezza|porady bezpieczeństwa|советы по безопасности|report (this )?(ad|listing|item|post)|denunciar (este )?anuncio|denunciar|signaler (l'|cette )?annonce|anzeige melden|segnala (l'|questo )?annuncio|zgłoś (ogłoszenie|naruszenie)|about (us|the (shop|store|seller|company)|our (shop|store|company|team))|comments?|安全提示|安全須知|交易提醒|防骗提示|防騙提醒|举报|檢舉|コメント|通報する|안전거래)`,
  // Chinese, Japanese, Korean.
  String.raw`((商品)?(评价|評價|评论|評論)|猜你喜欢|猜你喜歡|相关推荐|相關推薦|为你推荐|為你推薦|看了(又看|此|这|這|该|該)|同类推荐|热门推荐|熱門推薦|推荐|推薦|相似|你可能还喜欢|你可能也喜歡|大家都在买|其他人还看了|問與答|问答|(商品|カスタマー)?レビュー|口コミ|この商品を見た人|関連商品|おすすめ(商品|アイテム)|似ている商品|(상품)?리뷰|상품평|상품 ?문의|관련 상품|추천 상품|다른 고객)`,
];
export const NOISE_HEADING = new RegExp(`^(${NOISE_HEADINGS.join('|')})`, 'iu');

/** Characters of text in a subtree, counted up to `limit` (enough to tell a card from a block of prose). */
function textLength(el: Element, limit: number): number {
  let n = 0;
  const walk = (node: Element) => {
    for (const c of node.children) {
      if (n >= limit) return;
      if (c.type === 'text') n += (c as unknown as { data: string }).data.trim().length;
      else if (c.type === 'tag') walk(c as Element);
    }
  };
  walk(el);
  return n;
}

/**
 * A grid or list of other items: at least five like children (same tag and class) that are short
 * and nearly all hold a link, as search results, "more from this seller" strips and carousels are.
 * A listing's own text is never one; its list of features has no links and its rows are prose.
 */
export function isItemGrid(el: Element, holdsLink: (el: Element) => boolean): boolean {
  // Asked of every element: most have fewer than five children, counted before any list is made.
  let tagCount = 0;
  for (const c of el.children) if (c.type === 'tag') tagCount++;
  if (tagCount < 5) return false;
  const kids = el.children.filter((c): c is Element => c.type === 'tag');
  const groups = new Map<string, Element[]>();
  for (const k of kids) {
    // The first class names the kind of card; later ones vary (c1, c2, is-active).
    const key = `${k.name}.${k.attribs.class?.trim().split(/\s+/)[0] ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(k);
    else groups.set(key, [k]);
  }
  const largest = [...groups.values()].reduce((a, b) => (b.length > a.length ? b : a));
  if (largest.length < 5 || largest.length < kids.length / 2) return false;
  const linked = largest.filter(holdsLink).length;
  if (linked < largest.length * 0.8) return false;
  const short = largest.filter((k) => textLength(k, 200) < 200).length;
  return short >= largest.length * 0.8;
}
