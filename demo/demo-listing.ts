/** One listing of the demo marketplace (demo/data/listings.json), with what faceleak should make of it. */
export interface DemoListing {
  id: string;
  title: string;
  description: string;
  price: string;
  seller: string;
  lang: 'zh' | 'en' | 'mix';
  expected: 'flag' | 'benign';
  page: 'static' | 'jsonld' | 'spa';
}
