// DOM building shared by the review page and the extension's pages. Every node is made with
// createElement, and text only ever goes in through textContent: listing text comes from hostile
// pages and must never be parsed as HTML.

type Child = Node | string | null | undefined | false;

export interface ElementOptions {
  readonly className?: string;
  readonly text?: string | null;
  /** Plain attributes; never event handlers (the pages' CSP would refuse them anyway). */
  readonly attrs?: Readonly<Record<string, string>>;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, options: ElementOptions = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined && options.text !== null) node.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    if (/^on/i.test(name)) throw new Error(`el: refusing event handler attribute ${name}`);
    node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** The element with this id, checked to be of the expected kind, so a renamed id fails loudly at start. */
export function byId<T extends HTMLElement>(id: string, kind: new () => T): T {
  const node = document.getElementById(id);
  if (!(node instanceof kind)) throw new Error(`faceleak: #${id} is missing or not a ${kind.name}`);
  return node;
}

export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
