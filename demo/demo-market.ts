import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { packagePath } from '../config/index.js';
import type { DemoListing } from './demo-listing.js';
import { isConditional, notModified, validatorsOf } from './conditional.js';
import { renderIndex, renderJsonLd, renderSpaShell, renderStatic } from './pages.js';

export type { DemoListing };

export interface DemoOptions {
  readonly port?: number;
  readonly host?: string;
  readonly listings?: DemoListing[];
  readonly perPage?: number;
  /** Test knob: answer these paths with this status the first N times (503, 429 with Retry-After: 1, …). */
  readonly failFirst?: Record<string, { status: number; times: number }>;
  /** Test knob: answer robots.txt with this status instead of the file. */
  readonly robotsStatus?: number;
  /** Test knob: delay every listing page by this many ms (to observe concurrency). */
  readonly delayMs?: number;
}

export interface DemoMarket {
  readonly origin: string;
  readonly host: string;
  readonly listings: readonly DemoListing[];
  /** Requests per path (without query), for tests. */
  readonly hits: Map<string, number>;
  /** Most requests in flight at once on listing pages. */
  readonly peakInFlight: () => number;
  /** Conditional requests (If-None-Match / If-Modified-Since) per path, and how many were answered 304. */
  readonly conditional: Map<string, { asked: number; notModified: number }>;
  /** Watch test knobs: a new listing goes first on the index (newest first, as search pages sort). */
  addListing(listing: DemoListing): void;
  /** The seller edits the ad: its page (and ETag, Last-Modified) change. */
  editListing(id: string, patch: Partial<Omit<DemoListing, 'id'>>): void;
  /** The platform takes it down: its page answers 404, 410, or redirects to /removed (the site's "removed" page). */
  removeListing(id: string, how?: 404 | 410 | 'redirect'): void;
  close(): Promise<void>;
}

export const ROBOTS_TXT = 'User-agent: *\nDisallow: /private/\n';

export function loadDemoListings(): DemoListing[] {
  return JSON.parse(readFileSync(packagePath('demo', 'data', 'listings.json'), 'utf8')) as DemoListing[];
}

/**
 * A small marketplace served locally: search pages with pagination and tracking parameters,
 * listings as static HTML, JSON-LD and script-rendered pages, and a robots.txt with a disallowed path.
 */
export async function startDemoMarket(options: DemoOptions = {}): Promise<DemoMarket> {
  const listings = [...(options.listings ?? loadDemoListings())];
  const perPage = options.perPage ?? 8;
  const hits = new Map<string, number>();
  const fails = new Map(Object.entries(options.failFirst ?? {}).map(([p, f]) => [p, { ...f }]));
  let inFlight = 0;
  let peak = 0;
  const byId = new Map(listings.map((l) => [l.id, l]));
  // What each page shows changed at these times (Last-Modified); removed listings and how they answer.
  const started = Date.now();
  const modifiedAt = new Map<string, number>();
  let indexModifiedAt = started;
  const removed = new Map<string, 404 | 410 | 'redirect'>();
  const conditional = new Map<string, { asked: number; notModified: number }>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://demo');
    const path = url.pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const fail = fails.get(path);
    if (fail && fail.times > 0) {
      fail.times--;
      res.writeHead(fail.status, fail.status === 429 || fail.status === 503 ? { 'retry-after': '1' } : {});
      return res.end('try later');
    }
    const html = (body: string, status = 200) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    };
    // A page with validators: 304 without a body when the client's copy is current.
    const page = (body: string, changedAt: number) => {
      const v = validatorsOf(body, changedAt);
      const headers = { 'content-type': 'text/html; charset=utf-8', etag: v.etag, 'last-modified': v.lastModified };
      if (isConditional(req)) {
        const c = conditional.get(path) ?? { asked: 0, notModified: 0 };
        conditional.set(path, c);
        c.asked++;
        if (notModified(req, v)) {
          c.notModified++;
          return void res.writeHead(304, { etag: v.etag, 'last-modified': v.lastModified }).end();
        }
      }
      res.writeHead(200, headers);
      res.end(body);
    };
    if (path === '/robots.txt') {
      if (options.robotsStatus) return void res.writeHead(options.robotsStatus).end('');
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end(ROBOTS_TXT);
    }
    if (path === '/' || path === '/s') {
      const pageNo = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
      const slice = listings.slice((pageNo - 1) * perPage, pageNo * perPage);
      const hasNext = pageNo * perPage < listings.length;
      return page(renderIndex(slice, pageNo, hasNext), indexModifiedAt);
    }
    if (path === '/removed') return html('<h1>该商品已下架 This listing has been removed</h1>');
    const item = /^\/(item|p|app|api\/item)\/([\w-]+)$/.exec(path);
    const gone = item ? removed.get(item[2]!) : undefined;
    if (gone === 'redirect') return void res.writeHead(302, { location: `/removed?id=${item![2]}` }).end();
    if (gone) return html('<h1>Not found</h1>', gone);
    const listing = item ? byId.get(item[2]!) : undefined;
    if (item && listing) {
      inFlight++;
      peak = Math.max(peak, inFlight);
      try {
        if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
        if (item[1] === 'api/item') {
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
          return res.end(JSON.stringify(listing));
        }
        return page(
          item[1] === 'item' ? renderStatic(listing) : item[1] === 'p' ? renderJsonLd(listing) : renderSpaShell(listing),
          modifiedAt.get(listing.id) ?? started,
        );
      } finally {
        inFlight--;
      }
    }
    if (path.startsWith('/private/')) return html('<h1>Seller back office</h1><p>robots.txt forbids this page.</p>');
    return html('<h1>Not found</h1>', 404);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port, address } = server.address() as AddressInfo;
  const host = `${address}:${port}`;
  return {
    origin: `http://${host}`,
    host,
    listings,
    hits,
    peakInFlight: () => peak,
    conditional,
    addListing(listing) {
      listings.unshift(listing);
      byId.set(listing.id, listing);
      modifiedAt.set(listing.id, Date.now());
      indexModifiedAt = Date.now();
    },
    editListing(id, patch) {
      const l = byId.get(id);
      if (!l) throw new Error(`no demo listing ${id}`);
      // A new object: the caller's listings (often a shared fixture) are never changed.
      const edited = { ...l, ...patch };
      byId.set(id, edited);
      listings[listings.indexOf(l)] = edited;
      modifiedAt.set(id, Date.now());
      indexModifiedAt = Date.now();
    },
    removeListing(id, how = 404) {
      const i = listings.findIndex((l) => l.id === id);
      if (i < 0) throw new Error(`no demo listing ${id}`);
      listings.splice(i, 1);
      removed.set(id, how);
      indexModifiedAt = Date.now();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The site config that crawls the demo market. */
export function demoSiteConfig(origin: string, overrides: Record<string, unknown> = {}) {
  return {
    name: 'demo-market',
    startUrls: [`${origin}/s?q=%E4%BA%BA%E8%84%B8&spm=demo.search.0`],
    allowPrivateNetwork: true,
    render: 'auto',
    rateLimit: { requestsPerSecond: 50, maxConcurrency: 4 },
    links: { listing: 'a.item', next: 'a.next' },
    dropParams: ['from'],
    fields: { title: '.listing .title', description: '.listing .desc', price: '.listing .price', seller: '.listing .seller', images: '.listing img.photo' },
    ...overrides,
  };
}
