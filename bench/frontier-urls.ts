/**
 * The synthetic web of `npm run bench -- frontier`: URL i lives on host i mod hosts. `lanes` crawls run
 * side by side: page i links to page i + lanes (new, until `urls`) and to DUPLICATES pages already
 * known, as real pages link back to what a crawl has seen. So the queue holds about `lanes` jobs however
 * long the run, and every URL offered but the first is a duplicate the frontier must recognise.
 */
export interface SyntheticWeb {
  readonly urls: number;
  readonly hosts: number;
  readonly lanes: number;
}

const DUPLICATES = 4;

export function syntheticUrl(i: number, web: Pick<SyntheticWeb, 'hosts'>): string {
  return `https://shop${i % web.hosts}.market.example/item/${i}/detail.html`;
}

export function syntheticId(url: string): number {
  return Number(/\/item\/(\d+)\//.exec(url)![1]);
}

export function syntheticLinks(url: string, web: SyntheticWeb): string[] {
  const i = syntheticId(url);
  const links: string[] = [];
  if (i + web.lanes < web.urls) links.push(syntheticUrl(i + web.lanes, web));
  for (let d = 0; d < DUPLICATES && i > 0; d++) links.push(syntheticUrl(Math.floor(Math.random() * i), web));
  return links;
}
