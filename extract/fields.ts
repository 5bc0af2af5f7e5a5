import type { Price } from './price.js';

/** Where a field's value was read: the names `faceleak extract` and the extension show. */
export type FieldSource =
  /** The site config's CSS selector. */
  | 'selector'
  /** schema.org Product in a JSON-LD script. */
  | 'json-ld'
  /** schema.org Product in microdata, its own properties only. */
  | 'microdata'
  /** The page's summary of itself in <meta>: og:*, twitter:*, product:price:*, description. */
  | 'opengraph'
  /** The listing object in a script-rendered page's state (`__NEXT_DATA__`, `window.__INITIAL_STATE__`). */
  | 'page-state'
  /** The page's headings: its <h1>, or its <title> with the site's name taken off. */
  | 'heading'
  /** The listing's block of text, found by text density near the title (main-content.ts). */
  | 'main-content'
  /** Read from the page's words: a labelled field, a price element, a post's text, a profile link. */
  | 'text';

/** What one source read from a page; every field optional. */
export interface SourceFields {
  title?: string;
  description?: string;
  price?: Price;
  seller?: string;
  images?: string[];
}

/** One source's reading, named. */
export interface SourceReading {
  readonly source: FieldSource;
  readonly fields: SourceFields;
}
