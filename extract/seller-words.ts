/**
 * The words around a seller's name on a listing page: the labels before it, the headings over a
 * seller card, what follows a name (counts, buttons), and the class-name words of seller elements.
 */

// A label at the start of an element's own text; the name follows it, or sits in the next element.
export const LABEL = new RegExp(
  String.raw`^(?:sold and shipped by|ships from and sold by|sold & shipped by|sold by|seller|vendor|merchant|posted by|listed by|offered by|supplier|` +
    String.raw`vendido por|vendedor|anunciante|vendu par|vendeur|annonceur|verkauft von|verkauft durch|verkäufer|anbieter|sprzedawca|sprzedający|` +
    String.raw`venditore|venduto da|verkoper|verkocht door|verkoop door|verkauf und versand durch|verkauf durch|vânzător|satıcı|продавец|продавець|` +
    String.raw`selger|sælger|säljare|myyjä|penjual|người bán|ผู้ขาย|البائع|المعلن|판매자|판매처|` +
    String.raw`卖家|賣家|店家|商家|店铺|店鋪|商铺|商舖|发布人|發布人|发布者|發佈者|發布者|联系人|聯絡人|聯繫人|经纪人|經紀人|仲介|中介|房东|房東|卖主|賣主|掌柜|供应商|供應商|廠商|厂商|店名|` +
    String.raw`出品者|投稿者|販売者|販売元|出店者|ショップ名|店舗名|作者|楼主|樓主|thread starter|author)` +
    String.raw`(?:名称|名稱|名字|昵称|暱稱|姓名|name)?\s*[:：]?\s*`,
  'i',
);
// A heading over a seller card: the name is the card's first line.
export const HEADING =
  /^(about (this|the) seller|seller information|seller info|seller details|meet (your|the) sellers?|posted by|賣家資訊|卖家信息|店家資訊|店家资讯|商家信息|店铺信息|店鋪資訊|出品者情報|出品者|ショップ情報|販売者情報|認識賣家|认识卖家|informacje o sprzedającym|à propos du vendeur|über den verkäufer|o prodavci|om selgeren|om säljaren|om sælgeren|판매자\s?정보|판매자\s?소개|thông tin người bán|ข้อมูลผู้ขาย|معلومات (المعلن|البائع)|عن (المعلن|البائع)|информация о продавце|о продавце)\s*[:：]?$/i;
export const PROFILE_PATH =
  /\/(?:[a-z]-)?(usr|str|shop|shops|seller|sellers|store|stores|profile|profiles|user|users|u|member|members|people|vendor|vendors|uzytkownik|agent|agents|broker|jingjiren|dianpu|company_profile|perfil|profil|profiel|profilo|closet)\/[^/?#]+|\/company_profile\.html|(?:^|\/)(space|user|member|profile)-(uid-)?\d+(\.html)?(?=$|[?#])|[?&](seller|sellerid|seller_id|me|uid|userid|user_id)=/i;
export const ACCOUNT_PATH = /login|signin|sign-in|register|signup|account|settings|messages|cart|help|logout|mine|\/my\b|myebay|feedback|follow/i;
// What sellers' names are followed by: feedback counts and scores, "Visit store", 进入店铺.
export const TAIL =
  /\s*(\(\s*[\d,.]+\s*\)|[\d.,]+%\s*(positive|好评).*|\d+(\.\d+)?\s*(stars?|星).*|[★☆].*|visit (the )?(store|shop).*|contact (the )?seller.*|see (other|all) items.*|进入店铺.*|联系(卖家|他|她)?.*|關注.*|关注.*|follow.*|top rated.*| and (fulfilled|shipped|delivered) by.*|[|·•]\s.*)$/i;
export const GENERIC =
  /^(visit|view|see|se (alla|alle|mer|fler|flere)|visa (alla|mer|fler)|vis (alle|mer|flere)|bekijk|vedi|zobacz|näytä|contact|shop|store|profile|more|all|other|follow|message|chat|ask|więcej|inne|mehr|weitere|alle|voir|plus|ver|más|mais|altri|查看|进入|進入|联系|聯絡|关注|關注|店铺|店鋪|更多|其他|active|online|joined|member since|last seen|responds|usually responds|上线|上線|在线|在線)(\s|$)|^(进店|進店|进店逛逛|逛逛|进入店铺|進入店鋪|逛賣場|逛卖场|view shop|visit shop|客服|在线客服|在線客服|收藏|分享|customer service|post|post an ad|post ad|place an ad|sell|sell now|start selling|account|my account|your account|favou?rites|saved|watchlist|messages|inbox|cart|basket|出品|发布|發布|免费发布|免費刊登|about the author|作者简介|作者簡介|作者介绍|作者介紹|sign in|log ?in|logged in as .*|signed in as .*|welcome back.*|欢迎您.*|歡迎您.*|connexion|se connecter|anmelden|inloggen|iniciar sesión|entrar|accedi|zaloguj się|登录|登入|ログイン|로그인)$/i;
/**
 * A link or button to the seller's shop that does not name it ("查看賣場", 进店逛逛, "Ver loja",
 * "Visit shop"): the name is the first line of the card it sits in.
 */
export const VISIT_SHOP =
  /^(查看賣場|查看卖场|查看商店|逛賣場|逛卖场|进店逛逛|進店逛逛|进店|進店|进入店铺|進入店鋪|view shop|visit (the )?(shop|store)|view store|go to (the )?(shop|store)|ver loja|visitar loja|ver tienda|visitar tienda|shop besuchen|zum shop|voir la boutique|ショップを見る|посетить магазин|в магазин)$/i;
/**
 * The kind of seller a card states beside or instead of a name ("Private seller", Privatperson,
 * Particular, 個人賣家): it says who sells only in general, so it is never the name.
 */
export const SELLER_KIND =
  /^(private|privat|individual|professional|business|commercial|trade|verified)\s+(user|seller|person|party|advertiser|account)$|^(privatperson(en)?|particular|particulier|privato|utente privato|professionista|profesional|professionnel|gewerblich|händler|dealer|private|privé|prywatny|firma|個人賣家|个人卖家|個人|个人|商家|개인|개인판매자)$/i;
/** A link to the seller's page that says so and no name ("出品者のページを見る", "Zum Verkäuferprofil"). */
export const PROFILE_LINK_WORDS =
  /^.{0,12}(を見る|のページ)$|^(zum )?verkäuferprofil$|^(view|see) (the )?seller('s)? (profile|page)$|^ver perfil( del vendedor)?$|^voir le profil$/i;
/** Class-name words of an element that is, or holds, the seller. */
export const SELLER_WORDS = new Set([
  'seller',
  'vendor',
  'merchant',
  'shopname',
  'storename',
  'broker',
  'agent',
  'author',
  'owner',
  'user',
  'username',
  'nickname',
  'nick',
  'poster',
  'advertiser',
  'sellername',
  'shop',
  'store',
  'mall',
  'company',
  'supplier',
  'profile',
]);
/** Class-name words of a part of a seller's card that says something about the seller other than the name: a level, a rating, a picture, a date. */
export const SELLER_ATTRIBUTE_WORDS = new Set([
  'level',
  'lvl',
  'rank',
  'grade',
  'badge',
  'medal',
  'icon',
  'avatar',
  'img',
  'photo',
  'pic',
  'rating',
  'score',
  'count',
  'stats',
  'date',
  'time',
  'since',
  'location',
]);
/** Class-name words of a name (seller-name, user-nick, shopName). */
export const isNameWord = (t: string) => t.endsWith('name') || t === 'nick';
/** Words that make a seller-ish element a container of the seller's card rather than something else. */
export const CARD_WORDS = new Set(['card', 'info', 'box', 'container', 'wrap', 'wrapper', 'detail', 'section', 'block', 'panel', 'header', 'hd', 'bar']);
// Store names end in what they are: 旗舰店 (flagship store), 专营店, 小铺, "Official Store".
export const STORE_SUFFIX = /(旗舰店|旗艦店|专营店|專營店|专卖店|專賣店|自营店|官方店|小铺|小舖|小店|工作室|商行|official (store|shop)|flagship store)$/i;
/**
 * How long a seller has been on the site, the line a seller card puts under the name ("Member
 * since 2016", "Na OLX desde janeiro de 2017", "Membre depuis 2014", "On Kijiji since 2015",
 * 来闲鱼3年): the name is the line just before it.
 */
export const MEMBER_SINCE =
  /(?<!\p{L})(member since|joined (\p{L}+ )?(in )?(\p{L}+ )?\d{4}|membre depuis|inscrit depuis|mitglied seit|aktiv seit|lid sinds|medlem (sedan|siden)|jäsen vuodesta|członek od|iscritt[oa] dal|зарегистрирован|用户自|注册于|入驻|来\p{Script=Han}+\d+年)(?!\p{L})/iu;
/** "On Kijiji since", "On eBay since", "Na OLX desde", "Su Subito da", "На Авито с": the site's name, capitalized ("on sale since" is no member line). */
export const ON_SITE_SINCE = /(?<!\p{L})([Oo]n|[Nn]a|[Nn]o|[Ee]n|[Ee]m|[Ss]u|[Нн]а) \p{Ll}*\p{Lu}[\p{L}.]* (since|desde|da|dal|od|с)(?!\p{L})/u;
