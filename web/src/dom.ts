/**
 * The one way this UI builds DOM: elements with attributes and children, where every string child
 * becomes a text node. No innerHTML anywhere, so hostile document text can only ever show as text.
 */

export type Child = Node | string | number | null | undefined | false | Child[];

export interface Attrs {
  class?: string;
  id?: string;
  title?: string;
  href?: string;
  type?: string;
  name?: string;
  value?: string;
  placeholder?: string;
  for?: string;
  role?: string;
  tabindex?: number;
  disabled?: boolean;
  checked?: boolean;
  hidden?: boolean;
  /** data-* attributes, without the prefix. */
  data?: Record<string, string | number>;
  /** aria-* attributes, without the prefix. */
  aria?: Record<string, string>;
  style?: Partial<CSSStyleDeclaration>;
  on?: { [K in keyof HTMLElementEventMap]?: (ev: HTMLElementEventMap[K]) => void };
  [attr: string]: unknown;
}

const SPECIAL = new Set(['class', 'data', 'aria', 'style', 'on', 'disabled', 'checked', 'hidden', 'value']);

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    if (attrs.class) el.className = attrs.class;
    for (const [k, v] of Object.entries(attrs.data ?? {})) el.dataset[k] = String(v);
    for (const [k, v] of Object.entries(attrs.aria ?? {})) el.setAttribute(`aria-${k}`, v);
    if (attrs.style) Object.assign(el.style, attrs.style);
    for (const [ev, fn] of Object.entries(attrs.on ?? {})) el.addEventListener(ev, fn as EventListener);
    if (attrs.disabled) el.setAttribute('disabled', '');
    if (attrs.hidden) el.hidden = true;
    if (attrs.checked !== undefined) (el as HTMLInputElement).checked = attrs.checked;
    if (attrs.value !== undefined) (el as HTMLInputElement).value = attrs.value;
    for (const [k, v] of Object.entries(attrs)) {
      if (SPECIAL.has(k) || v === undefined || v === null || v === false) continue;
      if (k.startsWith('on')) throw new Error(`dom: event handlers go in "on", not "${k}"`);
      el.setAttribute(k, String(v));
    }
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces all children of `el`. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function pct(x: number, digits = 0): string {
  return `${fmt(x * 100, digits)}%`;
}
