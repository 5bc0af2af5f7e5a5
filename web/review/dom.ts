// Every node of the page is built here with createElement, and text only ever goes in through
// textContent: crawled text is hostile and must never be parsed as HTML.

type Child = Node | string | null | undefined | false;

export interface ElementOptions {
  readonly className?: string;
  readonly text?: string | null;
  /** Plain attributes; never event handlers (the CSP would refuse them anyway). */
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
  if (!(node instanceof kind)) throw new Error(`review page: #${id} is missing or not a ${kind.name}`);
  return node;
}

/** The status line (aria-live): progress and errors, read out by screen readers. */
export function showStatus(message: string, kind: 'info' | 'error' = 'info'): void {
  const line = byId('status', HTMLElement);
  line.textContent = message;
  line.classList.toggle('error', kind === 'error');
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A short local date and time for ISO timestamps; the raw value if it does not parse. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}
