/**
 * Page furniture: navigation, the page's header and footer, sidebars, menus, breadcrumbs, cookie and
 * privacy notices. Its words are the site's, not the listing's ("S.à.r.l." in a footer, 完整卡號 in a
 * privacy note, "Photo Video" in a category menu), so neither the classifier nor the highlighter reads
 * it. One CSS selector, so cheerio (readable text) and the browser (`closest`) agree. An article's
 * own <header> holds its title and stays; only the page's header (a child of body, or role=banner) goes.
 */
export const FURNITURE_SELECTOR = [
  'nav', 'footer', 'aside', 'menu', 'body > header',
  '[role=navigation]', '[role=banner]', '[role=contentinfo]', '[role=menu]', '[role=menubar]', '[role=complementary]',
  '[class~=nav]', '[class~=navbar]', '[class~=menu]', '[class~=sidebar]', '[class~=header]', '[id=header]', '[id=nav]', '[id=menu]',
  '[class*=footer]', '[id*=footer]', '[class*=breadcrumb]', '[id*=breadcrumb]', '[class*=cookie]', '[id*=cookie]',
  '[class*=privacy]', '[id*=privacy]', '[class*=copyright]',
].join(', ');
