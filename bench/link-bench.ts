// npm run bench -- link-eval [FILE|FOLDER] [--detail]: pairwise precision, recall, F1 of seller linking against "truth" keys
// npm run bench -- link                        : links 100,000 synthetic listings on one core, timed
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus } from '../classifier/corpus/load.js';
import { mulberry32 } from '../classifier/model/linear-model.js';
import { packagePath } from '../config/package-root.js';
import { linkListings, pairwiseFigures, parseLinkLine, type LinkListing } from '../link/index.js';
import { ranPinned } from './pinned-rerun.js';

function suiteArgs(name: string): string[] {
  const argv = process.argv.slice(2);
  const at = argv.indexOf(name);
  return at < 0 ? [] : argv.slice(at + 1);
}

export async function benchLinkEval(): Promise<void> {
  const args = suiteArgs('link-eval');
  const path = args.find((a) => !a.startsWith('-')) ?? packagePath('link', 'dev-data', 'dev-sellers.jsonl');
  for (const file of sellerSetFiles(path)) evaluateSellerSet(file, args);
}

/** A JSON Lines file of listings with "truth", or each such file in a folder (its .key.jsonl files are keys, not sets). */
function sellerSetFiles(path: string): string[] {
  if (!existsSync(path)) throw new Error(`${path} does not exist (give a JSON Lines file of listings with "truth", or a folder of them)`);
  if (!statSync(path).isDirectory()) return [path];
  const files = readdirSync(path)
    .filter((f) => f.endsWith('.jsonl') && !f.endsWith('.key.jsonl'))
    .sort()
    .map((f) => join(path, f));
  if (files.length === 0) throw new Error(`${path} holds no .jsonl seller set`);
  return files;
}

function evaluateSellerSet(file: string, args: readonly string[]): void {
  const listings: LinkListing[] = [];
  const truthOf = new Map<string, string>();
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      const parsed = parseLinkLine(line, i + 1);
      if ('error' in parsed) throw new Error(`${file}:${i + 1}: ${parsed.error}`);
      listings.push(parsed.listing);
      if (parsed.truth !== undefined) truthOf.set(parsed.listing.id, parsed.truth);
    });
  const started = performance.now();
  // --no-names: contacts and text only, as `faceleak link --no-names` and the store link.
  const result = linkListings(listings, args.includes('--no-names') ? { names: false, mentions: false } : {});
  const ms = performance.now() - started;
  const f = pairwiseFigures(result.clusters, truthOf);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  process.stdout.write(
    `\n${file}: ${listings.length} listings, ${new Set(truthOf.values()).size} truth sellers, ` +
      `${result.clusters.filter((c) => c.listingIds.length > 1).length} clusters of 2+, linked in ${ms.toFixed(0)} ms\n` +
      `pairwise precision ${pct(f.precision)} (${f.correctPairs}/${f.predictedPairs}), recall ${pct(f.recall)} (${f.correctPairs}/${f.truePairs}), F1 ${pct(f.f1)}\n` +
      `clusters merging two or more truth sellers: ${f.merges.length}\n`,
  );
  for (const m of f.merges) {
    const why = m.cluster.reasons.map((r) =>
      r.by === 'handle'
        ? `handle ${r.handle}`
        : r.by === 'name-handle'
          ? `name ${r.name} spells ${r.handle} (${r.listingIds.join('~')})`
          : r.by === 'mention'
            ? `mention of ${r.handle} (${r.listingIds.join('~')})`
            : `${r.by} ${r.listingIds.join('~')}${'name' in r ? ` as ${r.name}` : ''}${'alike' in r ? `, text ${r.alike.join('~')}` : ''} (J ${r.jaccard}, ${r.shared} shared)`,
    );
    process.stdout.write(`  ${m.cluster.cluster}: truths ${m.truths.join(', ')} ← ${why.join('; ')}\n`);
  }
  if (result.hubs.length > 0) process.stdout.write(`hub handles ignored: ${result.hubs.map((h) => `${h.handle} (${h.sellers} sellers)`).join(', ')}\n`);
  if (args.includes('--detail')) {
    const clusterOf = new Map(result.clusters.flatMap((c) => c.listingIds.map((id) => [id, c] as const)));
    const bySeller = new Map<string, string[]>();
    for (const [id, t] of truthOf) bySeller.set(t, [...(bySeller.get(t) ?? []), id]);
    for (const [t, ids] of bySeller) {
      const split = new Set(ids.map((id) => clusterOf.get(id)?.cluster));
      if (ids.length > 1 && split.size > 1) process.stdout.write(`  split: ${t} over ${[...split].join(', ')} (${ids.join(', ')})\n`);
    }
  }
}

const LISTINGS = 100_000;
const SELLERS = 25_000;

/** Synthetic sellers: each takes a corpus listing, relists it perturbed (a character changed, sentences reordered) with its handle disguised differently. */
function syntheticListings(): LinkListing[] {
  const items = loadCorpus().items;
  const rand = mulberry32(14);
  const sites = ['xianyu', 'taobao', 'telegram', 'weidian', 'pinduoduo'];
  const disguises = [
    (h: string) => `加V：${h}`,
    (h: string) => `薇❤${h.split('').join(' ')}`,
    (h: string) => `vx ${h.replace(/(\d)/, '.$1')}`,
    (h: string) => `飞机 @${h}`,
  ];
  const out: LinkListing[] = [];
  for (let i = 0; i < LISTINGS; i++) {
    const seller = Math.floor(rand() * SELLERS);
    const item = items[(seller * 7919) % items.length]!;
    let description = item.description ?? '';
    if (rand() < 0.5) {
      const at = Math.floor(rand() * (description.length + 1));
      description = description.slice(0, at) + String.fromCharCode(0x4e00 + Math.floor(rand() * 2000)) + description.slice(at + 1);
    }
    if (rand() < 0.3)
      description = description
        .split(/(?<=[。！.!\n])/)
        .sort(() => rand() - 0.5)
        .join('');
    const handle = `seller_${seller.toString(36)}x`;
    const contact = rand() < 0.8 ? disguises[Math.floor(rand() * disguises.length)]!(handle) : '';
    out.push({
      id: String(i),
      title: item.title,
      description: `${description} ${contact}`,
      price: item.price,
      seller: `shop${seller}`,
      site: sites[i % sites.length]!,
    });
  }
  return out;
}

export async function benchLink(): Promise<void> {
  if (ranPinned('link')) return;
  const listings = syntheticListings();
  const started = performance.now();
  const result = linkListings(listings);
  const seconds = (performance.now() - started) / 1000;
  const linked = result.clusters.filter((c) => c.listingIds.length > 1);
  const reasons = linked.flatMap((c) => c.reasons);
  process.stdout.write(
    `${LISTINGS} listings (${SELLERS} synthetic sellers) linked in ${seconds.toFixed(1)} s on one core ` +
      `(${Math.round(LISTINGS / seconds)} listings/s): ${linked.length} clusters of 2+, ` +
      `${reasons.filter((r) => r.by === 'handle').length} handle, ${reasons.filter((r) => r.by === 'near-duplicate').length} near-duplicate, ` +
      `${reasons.filter((r) => r.by === 'same-seller').length} same-seller, ` +
      `${reasons.filter((r) => r.by === 'account' || r.by === 'brand' || r.by === 'name-handle').length} name and ` +
      `${reasons.filter((r) => r.by === 'mention').length} mention and ${reasons.filter((r) => r.by === 'cluster-relist').length} cluster-relist links, ` +
      `${result.hubs.length} hubs; heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB\n`,
  );
}
