/**
 * Words that are never new jargon: function words, numbers and the furniture every marketplace page
 * carries (greetings, shipping, "DM me"). Everything else is left to the evidence: a word common in
 * benign listings sinks by its counts, not by a list. Forms are as the compact view compares them
 * (simplified, lower case; Latin l is folded to i there, see `foldLatin`).
 */

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

// Cantonese particles and pronouns (嘅 of, 咗 done, 唔 not, 係 is, 佢 he…), as simplified by the fold.
const CANTONESE = [...'嘅咗啲嚟佢唔系喺冇嘢噉咁㗎喎啰嗰吖哋'];

/** No candidate starts with one of these: particles, pronouns, and verbs that put a product up for sale (出蓝本 is 蓝本). */
export const ZH_BAD_START = new Set([
  ...'的了着过吗呢吧啊呀啦哦嘛么和与及或是在就都也还很把被给让从对为以而但并且又再才只已们个些每各得地所其之于等即则若啥呗哈嗯喔哇噢出收卖售买求要加送包拍发找有没不别勿请帮可能会想该这那此您你我他她它咱',
  ...CANTONESE,
]);

/** No candidate ends with one of these: particles, pronouns and measure words (蓝本一张 is 蓝本). */
export const ZH_BAD_END = new Set([
  ...'的了着过吗呢吧啊呀啦哦嘛么和与及或是在就都也还很把被给让从对为以而但并且又再才只已得地所其之于等即则若啥呗哈嗯喔哇噢我你他她它您这那个张份位只元块毛条次有要可能会想不没无请一',
  ...CANTONESE,
]);

const ZH_NUMERALS = new Set([...'零〇一二两三四五六七八九十百千万亿半几多余整第']);
const ZH_MEASURES = new Set([...'张套份个条组部位人段例版件次天年月日号块元毛角分秒克斤米寸页本台只双对批']);

/** A count or price in words (三张, 两千, 第一批): numerals and measure words only. */
export function isChineseNumber(s: string): boolean {
  let numeral = false;
  for (const c of s) {
    if (ZH_NUMERALS.has(c)) numeral = true;
    else if (!ZH_MEASURES.has(c)) return false;
  }
  return numeral;
}

export const ZH_STOPWORDS = words(`
我们 你们 他们 她们 它们 咱们 大家 自己 什么 怎么 怎样 为什么 这个 那个 这些 那些 这样 那样 这里 那里 哪里
一个 一些 一下 一点 一样 一起 一直 一定 一般 可以 可能 能够 应该 需要 不要 不用 没有 就是 还是 但是 因为 所以
如果 虽然 而且 或者 然后 已经 现在 时候 今天 明天 昨天 知道 觉得 认为 感觉 看到 听说 问题 东西 事情 情况 方面
时间 地方 朋友 真的 其实 非常 特别 比较 有点 还有 只要 只是 不过 而已 之后 之前 以后 以前 以上 以下 左右 之类
等等 这种 那种 各种 多少 很多 所有 全部 每个 每天 不是 好的 谢谢 感谢 欢迎 您好 你好 亲们 宝贝 宝子 宝子们
家人们 姐妹 姐妹们 兄弟 兄弟们 老板 老板们 老铁 朋友们 大佬 小伙伴 包邮 全新 正品 价格 价钱 优惠 折扣 特价
咨询 联系 客服 店铺 本店 小店 下单 付款 发货 快递 顺丰 邮费 运费 售后 退换 退款 保证 放心 诚信 靠谱 满意 好评
评价 收藏 关注 点赞 转发 详情 详聊 私聊 私信 留言 在线 秒回 回复 有意 感兴趣 直接 随时 长期 稳定 从优 便宜 实惠
优质 数量 有限 先到先得 同城 自提 闲置 转让 求购 二手 九成新 不议价 可议价 议价 砍价 不退不换 感谢支持
主页 首页 个人主页 简介 头像 置顶 评论区 楼主 楼上 楼下 链接
`);

/**
 * Words that describe the people or the stock (gender, age, place, time, quality) or the seller's
 * trade, never the product: not proposed alone, though a longer unit may hold them.
 */
export const ZH_ATTRIBUTES = words(`
男生 女生 男的 女的 男女 男性 女性 学生 老师 家长 年龄 年纪 岁数 清楚 清晰 当天 今晚 最近 现在 工作 经验 基本 冬天 夏天
春天 秋天 老客户 客户 新客户 老客 质量 地区 省份 城市 全国 各地 国内 国外 海外 本地 台湾 香港 大陆 中国 美国 日本 韩国
东南亚 欧美 广东 外地 样品 样本 新鲜 一手 二手 原图 视频 图片 数量 批量 价位 优惠 活动 外卖 游戏 软件 教程 定制
`);

/** English words too common to be a term alone (a phrase may hold them: full closet, fresh batch), and country or currency codes. */
export const EN_COMMON = words(`
ask back bank bad big bring build buy call came card case change check clean clear come comes day done double down
drop easy end even every far fast feel few find fine first free fresh full gave give given go goes good got great
hand hard help high hold home hot just keep kind know large last late leave left less let life like line little
live long look lot low made make many may mean meet men might more most move much must name need never next nice
now off old once one open order own part pass past pay people pick place plan play point post put quick quite
read ready real really rest right run safe said same say second see seen sell send set short show side since size
small sold some soon start state still stock stop sure take taken tell test than thing think though three time
today told took top true try turn type under until up use used very want watch way week well went whole why will
win with work world year yes yet young your
us uk eu au ca de fr es it jp kr cn hk tw sg my th vn ph in nz latam usd eur gbp aud cad rmb eth sol
`);

/** English function words and page furniture. */
export const EN_STOPWORDS = words(`
a about above after again against all am an and any are as at be because been before being below between both but by
can could did do does doing down during each few for from further had has have having he her here hers herself him
himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other
our ours out over own same she should so some such than that the their theirs them then there these they this those
through to too under until up very was we were what when where which while who whom why will with would you your
yours yourself yourselves s t don ll re ve m d also etc via per each every one two three four five six seven eight
nine ten hundred thousand first last next new get got go going make made see say said know like want need use used
dm dms pm pms msg message messages contact price prices shipping ship shipped fast delivery available stock order
orders buy sell selling sold sale sales offer offers deal deals cheap discount quality legit vouch vouches payment
pay paid telegram tg whatsapp wa signal wickr session discord email inbox hmu lmk asap pls please thanks thank hi
hello hey guys bro everyone anyone min max plus free today week day days month months year years time times click
here info details read posted post views reply share follow subscribe link links only still good great best nice
well much many lot lots way thing things stuff people person item items ppl ping pinged chat chats text profile bio
`);

/** The compact view folds Latin l to i (rules see fuIIz and fullz alike); lists and pinyin are compared the same way. */
export function foldLatin(s: string): string {
  return s.replaceAll('l', 'i');
}

/** EN_STOPWORDS and EN_COMMON as the compact view spells them. */
export const EN_STOPWORDS_FOLDED: ReadonlySet<string> = new Set([...EN_STOPWORDS].map(foldLatin));
export const EN_COMMON_FOLDED: ReadonlySet<string> = new Set([...EN_COMMON].map(foldLatin));

/** A Latin token that is a number, a price or a count (12, 0.5u, 10k, 3pcs), never a word. */
export function isNumberToken(token: string): boolean {
  return /^\d/.test(token) || /^[a-z]{0,1}\d+[a-z]{0,3}$/.test(token);
}
