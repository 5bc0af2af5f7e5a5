import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import type { SiteConfig } from '../../contracts/index.js';
import { UsageError } from '../fatal.js';
import type { ExtractedPage } from './extract-fetch.js';

interface ExtractOptions {
  site?: string;
  url?: string;
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('Extract one listing page and print it as one JSON line: each field with where it came from, the price as data, and the verdict.')
    .argument('[source]', 'an http(s) URL to fetch, or a saved HTML file to read ("-" for stdin); default: the --url')
    .option('--site <file>', 'site config (JSON): its field selectors come first; a fetch follows its hosts, private-network and render settings')
    .option('--url <url>', "the page's address: fetched when no source is given, else the file's address (its host, region and links)")
    .addHelpText(
      'after',
      `
A URL is fetched as a crawl fetches it: robots.txt is obeyed, the SSRF rules hold (no private or
loopback address unless the --site config allows it), and the page is rendered in Chromium only when
the static page lacks the listing's text (render "auto"; a site config may say "static" or "browser").
Fetching uses Redis as a crawl does (REDIS_URL, else a private redis-server under DATA_DIR). A file is
read as saved HTML, its charset detected as a crawl detects it; nothing is fetched.

Output, one line:
  {"url", "title", "description", "price", "priceAmount", "currency", "priceUnit", "seller", "images",
   "sources": {"title": "heading", …}, "isShell", "rendered",
   "verdict": {"flagged", "review", "category", "score", "evidence", "modelVersion"}}
sources says where each field was read: selector, json-ld, microdata, opengraph (og:*, twitter:*,
<meta name=description>), heading (<h1> or <title>), main-content, text (a label, price markup, a
post's words, a profile link). priceAmount is a decimal string; currency is ISO 4217 where the page
tells it, else the symbol; priceUnit is what one price buys (张, set, each) when the page says.

Examples:
  faceleak extract https://market.example/item/123
  faceleak extract saved-page.html --url https://market.example/item/123
  faceleak extract --site sites/market.json --url https://market.example/item/9`,
    )
    .action(async (source: string | undefined, opts: ExtractOptions) => {
      const target = source ?? opts.url;
      if (!target) throw new UsageError('give a URL or an HTML file to extract (or --url); see faceleak extract --help');
      const isUrl = /^https?:\/\//i.test(target);
      if (!isUrl && /^[a-z][a-z0-9+.-]*:\/\//i.test(target)) throw new UsageError(`only http and https pages are fetched, not "${target}"`);
      if (source && isUrl && opts.url) throw new UsageError('--url is the address of a file; with a URL to fetch, leave it out');
      if (opts.url !== undefined && !/^https?:\/\//i.test(opts.url)) throw new UsageError(`--url must be an http(s) address, not "${opts.url}"`);
      const site = opts.site ? (await import('../../crawler/index.js')).loadSiteConfig(opts.site) : null;
      const page = isUrl ? await (await import('./extract-fetch.js')).fetchForExtract(target, site) : await readHtmlFile(target, opts.url, site);
      const { Classifier } = await import('../../classifier/index.js');
      const { title, description, price } = page.listing;
      const verdict = Classifier.load().classify({ title, description, price });
      process.stdout.write(`${JSON.stringify(outputLine(page, verdict))}\n`);
    });
}

export function outputLine(page: ExtractedPage, verdict: unknown) {
  const l = page.listing;
  return {
    url: page.url,
    title: l.title,
    description: l.description,
    price: l.price,
    priceAmount: l.priceAmount,
    currency: l.currency,
    priceUnit: l.priceUnit,
    seller: l.seller,
    images: l.images,
    sources: l.fieldSources,
    isShell: l.isShell,
    rendered: page.rendered,
    verdict,
  };
}

async function readHtmlFile(file: string, address: string | undefined, site: SiteConfig | null): Promise<ExtractedPage> {
  let body: Buffer;
  try {
    body = file === '-' ? readFileSync(0) : readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const [{ extractListing }, { decodeBody, detectCharset }] = await Promise.all([import('../../extract/index.js'), import('../../crawler/index.js')]);
  const url = address ?? pathToFileURL(resolve(file)).href;
  return { url, listing: extractListing(decodeBody(body, detectCharset(body, '')), url, site?.fields), rendered: false };
}
