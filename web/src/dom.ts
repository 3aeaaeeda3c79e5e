/**
 * Building the page from data. Text only ever enters the document as text nodes (or textContent): nothing here
 * parses HTML, so an article's words cannot become markup.
 */
import { sectionTitle, type SectionId } from "../../src/report/render/sections.ts";

export type Child = Node | string | number | null | undefined | false | readonly Child[];
type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Record<string, AttrValue | ((event: Event) => void)>;

function fill(el: Element, attrs: Attrs, children: readonly Child[]): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === "function") el.addEventListener(name.replace(/^on/, ""), value);
    else if (value === true) el.setAttribute(name, "");
    else if (value !== false && value !== null && value !== undefined) el.setAttribute(name, String(value));
  }
  append(el, children);
}

export function append(el: Element, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** An HTML element: `h("a", { href: "/" }, "all stories")`. Attributes named on… are event listeners. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  fill(el, attrs, children);
  return el;
}

/** An SVG element, for the drawn timeline. */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
  fill(el, attrs, children);
  return el;
}

/** A section with a heading, or nothing when it would be empty. */
export function section(title: string, testid: string, ...children: Child[]): HTMLElement | null {
  const content = children.flat(Infinity as 1).filter((c) => c !== null && c !== undefined && c !== false);
  if (content.length === 0) return null;
  return h("section", { "data-testid": testid, "aria-label": title }, h("h2", {}, title), ...content);
}

/** A section of the story page, titled and in the order that src/report/render/sections.ts gives every renderer. */
export const storySection = (id: SectionId, ...children: Child[]): HTMLElement | null => section(sectionTitle(id), id, ...children);

export const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

/** A page fills `view` (already in the document) and returns the document's title. */
export type Page = (view: HTMLElement, params: string[], url: URL) => Promise<string>;
