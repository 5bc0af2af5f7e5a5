import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { LINK_DEFAULTS, linkListings, parseLinkLine, type LinkListing } from '../../link/index.js';
import { BufferedWriter } from '../buffered-writer.js';
import { parseNumberOption, UsageError } from '../fatal.js';

interface LinkCommandOptions {
  singletons?: boolean;
  minJaccard?: number;
  hubCap?: number;
  /** commander's --no-names: false turns off the links by seller names and uncued ids. */
  names?: boolean;
}

export function registerLink(program: Command): void {
  program
    .command('link')
    .description('Group listings by seller: shared off-platform contacts (WeChat, QQ, Telegram, phone, e-mail, shop links) and near-duplicate ad text.')
    .argument('[file]', 'JSON Lines file of {"id", "url", "title", "description", "price", "seller", "site"}; stdin when omitted or "-"')
    .option('--singletons', 'also print clusters of one listing (default: only clusters of two or more)')
    .option(
      '--min-jaccard <j>',
      `near-duplicate threshold over distinctive shingles (default ${LINK_DEFAULTS.minJaccard})`,
      parseNumberOption('--min-jaccard', 0.05, 1),
    )
    .option(
      '--hub-cap <n>',
      `a handle on listings of more than N different sellers is generic and links nobody (default ${LINK_DEFAULTS.hubCap})`,
      parseNumberOption('--hub-cap', 1, 1_000_000),
    )
    .option('--no-names', 'link by contacts and text only: no links by seller names or ids mentioned without a cue word (what the store applies)')
    .addHelpText(
      'after',
      `
Two listings are one seller's when they give the same contact handle, however disguised (加V：fa ce88,
薇❤face_88, 扣扣 一二三四五六七八, 飞机 @name, t.me/name, full-width or look-alike letters, an id told as a
riddle: "活化"的拼音+下划线+studio, 奇数1到9再偶数2到8), or when their
texts are near duplicates once numbers, prices, emoji, handles and trade boilerplate are left out.
Each handle has one key, kind:canonical: wechat:face_88, qq:12345678, tg:name, phone:13812345678,
email:a@b.c, url:host/path; phones link by their national number (011-5550 2846 = +60 11-5550 2846).
Platform hotlines (400-/800-, 95xxx, 10086) and bare cue words are never
handles; a handle seen on more than --hub-cap sellers' listings links nobody, nor does a bridge (a
handle whose holders name three or more ids of one kind beside it: an agent's or a shared line).

After handles and text, weaker links by who a listing says it is (never across a contact conflict):
  account      same site and seller name, text alike to any listing of the other's cluster
  brand        names sharing a brand stem (u/quillmark_sales ~ QuillMark Kits) and alike text
  name-handle  a name spelling another listing's contact: its mail/link domain (QuillMark ~ x@quillmark.example)
               or its WeChat/Telegram/LINE id in pinyin (松鼠影像馆 ~ ssyxg_photo)
  mention      an id written without a cue word that another listing gives as its contact
  cluster-relist  text somewhat alike (below the near-duplicate test) to two ads of one cluster, whose
               seller names share a piece with the listing's cluster (宏达数码 ~ 宏达科技, laozhou ~ 老周)
Short names and honorifics (李老师), placeholders (闲鱼用户) and trade words give no brand; a name on
more than --hub-cap accounts links nobody. Relists translated between Chinese and English are not linked.
--no-names turns these five off (the store's clusters apply the contact and text rules only).

Output, one line per cluster, largest first:
  {"cluster", "listingIds", "handles", "sites", "reasons": [
     {"by": "handle", "handle", "listingIds"} | {"by": "near-duplicate", "listingIds": [a, b], "jaccard", "shared"} |
     {"by": "account" | "brand", "listingIds", "name", "alike", "jaccard", "shared"} |
     {"by": "name-handle", "listingIds", "name", "handle"} | {"by": "mention", "listingIds", "handle"} |
     {"by": "cluster-relist", "listingIds", "alike", "jaccard", "shared"}]}
A line that is not a listing stops the run with its line number (exit code 2). Progress goes to stderr.

Example:
  faceleak crawl --site market.json --out - | faceleak link > sellers.jsonl`,
    )
    .action(async (file: string | undefined, opts: LinkCommandOptions) => {
      const name = file === undefined || file === '-' ? 'stdin' : file;
      const listings = await readListings(file === undefined || file === '-' ? process.stdin : createReadStream(file), name);
      const started = Date.now();
      const progress = (stage: string, done: number) => {
        if (listings.length >= 20_000) process.stderr.write(`link: ${stage} ${done}/${listings.length} · ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      };
      const result = linkListings(listings, {
        ...(opts.minJaccard === undefined ? {} : { minJaccard: opts.minJaccard }),
        ...(opts.hubCap === undefined ? {} : { hubCap: Math.floor(opts.hubCap) }),
        ...(opts.names === false ? { names: false, mentions: false } : {}),
        onProgress: progress,
      });
      const out = new BufferedWriter(process.stdout);
      let printed = 0;
      for (const c of result.clusters) {
        if (c.listingIds.length < 2 && !opts.singletons) continue;
        printed++;
        await out.write(`${JSON.stringify(c)}\n`);
      }
      await out.end();
      const linked = result.clusters.filter((c) => c.listingIds.length > 1);
      process.stderr.write(
        `link: ${listings.length} listings, ${linked.length} clusters of 2+ (${linked.reduce((n, c) => n + c.listingIds.length, 0)} listings), ` +
          `${printed} printed, ${result.hubs.length} hub handles ignored${
            result.hubs.length > 0
              ? ` (${result.hubs
                  .slice(0, 3)
                  .map((h) => `${h.handle}: ${h.sellers} sellers`)
                  .join(', ')})`
              : ''
          }\n`,
      );
    });
}

/** Every listing of a JSON Lines stream; blank lines skipped, a bad line or a repeated id is an error naming its line. */
export async function readListings(input: NodeJS.ReadableStream, name: string): Promise<LinkListing[]> {
  const listings: LinkListing[] = [];
  const ids = new Set<string>();
  let lineNumber = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber++;
    if (line.trim() === '') continue;
    const parsed = parseLinkLine(line, lineNumber);
    if ('error' in parsed) throw new UsageError(`${name}:${lineNumber}: ${parsed.error}`);
    if (ids.has(parsed.listing.id)) throw new UsageError(`${name}:${lineNumber}: id "${parsed.listing.id}" appears twice`);
    ids.add(parsed.listing.id);
    listings.push(parsed.listing);
  }
  return listings;
}
