/**
 * The page as a tree: htmlparser2's DOM (domhandler nodes), queried with css-select. Chosen over a browser-like
 * DOM (linkedom, jsdom) for speed: htmlparser2 parses the eval pages about 5× faster than linkedom builds its
 * DOM, and extraction must beat Readability-on-linkedom by 2× in throughput (docs/decisions.md).
 *
 * Everything the extractors need from the tree goes through this file, so the rest reads like DOM code:
 * `all(root, "p")`, `first`, `matches`, `closest`, `textOf`, `attr`, `remove`.
 */
import { compile } from "css-select";
import { type AnyNode, type Document, DomHandler, Element, isTag, isText, type ParentNode } from "domhandler";
import { Parser } from "htmlparser2";

export type { AnyNode, Document, Element, ParentNode };
export { isDocument, isTag, isText } from "domhandler";

/**
 * Elements nested deeper than this are attached to the element at this depth, as their later siblings, the way
 * Chromium's parser caps the tree (kMaximumHTMLParserDOMTreeDepth = 512). A page of 100,000 nested <div>s then
 * costs no more than a flat one, and no recursive walk over the tree can overflow the stack.
 */
export const MAX_TREE_DEPTH = 512;

/** Never text a reader sees; dropped while parsing (JSON-LD scripts are kept for the metadata). */
const INVISIBLE = new Set(["script", "style", "noscript", "template", "svg", "math"]);

/** The parts of htmlparser2's Parser that the depth cap needs; private in its typings, stable since v4. */
interface ParserStack {
  stack: string[];
  popElement(implied: boolean): void;
}

/**
 * htmlparser2 keeps its open elements in an array it `unshift`s and searches (`indexOf` on every end tag), so a
 * deep page costs the parser time quadratic in its depth (100,000 nested <div>s: 4 s in the parser alone, 24 s
 * with unmatched end tags), and no handler can fix that from outside. So the cap is applied in the parser: an
 * element opened at the cap first closes the deepest one, becoming its sibling. Parser and DomHandler stacks
 * then never pass MAX_TREE_DEPTH, and each tag costs at most that much work.
 */
class DepthCappedParser extends Parser {
  elements = 0;

  override onopentagname(start: number, endIndex: number): void {
    if (++this.elements > MAX_PAGE_ELEMENTS) throw new TooManyElements();
    const internals = this as unknown as ParserStack;
    if (internals.stack.length >= MAX_TREE_DEPTH) internals.popElement(true);
    super.onopentagname(start, endIndex);
  }
}

/**
 * Elements a page may have. Calibration: the heaviest news pages seen hold 10–20k; past this the page is
 * generated junk, and its tree alone (≈500 bytes an element) would cost hundreds of MB. Parsing stops there.
 */
export const MAX_PAGE_ELEMENTS = 200_000;
class TooManyElements extends Error {}
if (!Array.isArray((new Parser() as unknown as ParserStack).stack) || typeof (Parser.prototype as unknown as ParserStack).popElement !== "function") {
  throw new Error("[news] [extract] htmlparser2's open-element stack is not where the depth cap expects it");
}

export interface Page {
  document: Document;
  /** The <html> element (synthesised when the markup has none). */
  html: Element;
  /** The <head> (possibly empty). */
  head: Element;
  /** The <body>, or the whole page when there is no <body>. */
  body: Element;
  /** Parsing stopped at MAX_PAGE_ELEMENTS: the tree holds only the page's beginning. */
  elementsCapped: boolean;
}

/**
 * Parse a whole page. htmlparser2 is forgiving rather than spec-exact: a tag before <html>, a second <html>, or a
 * <div> in <head> stay where they are written, so <head> and <body> are looked up rather than assumed.
 */
export function parseDocument(html: string): Page {
  const handler = new DomHandler(undefined, { withStartIndices: false });
  const parser = new DepthCappedParser(handler, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false });
  // An unclosed <title> would swallow the rest of the page as its text; end it at its line.
  let elementsCapped = false;
  try {
    parser.end(/<title\b/i.test(html) && !/<\/title\s*>/i.test(html) ? html.replace(/(<title\b[^>]*>[^<\n]*)/i, "$1</title>") : html);
  } catch (error) {
    if (!(error instanceof TooManyElements)) throw error;
    elementsCapped = true;
  }
  const document = handler.root;
  dropInvisible(document);
  const html_ = firstTag(document, "html");
  const head = firstTag(document, "head") ?? new Element("head", {});
  const body = firstTag(document, "body") ?? html_ ?? wrapAll(document);
  return { document, html: html_ ?? body, head, body, elementsCapped };
}

/** Scripts (but JSON-LD), styles, comments and friends out of the tree, without recursion. */
function dropInvisible(root: ParentNode): void {
  const stack: ParentNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    const kept: AnyNode[] = [];
    for (const child of node.children) {
      if (child.type === "comment" || child.type === "directive" || child.type === "cdata") continue;
      if (isTag(child)) {
        if (child.name === "script" ? !/ld\+json/i.test(child.attribs.type ?? "") : INVISIBLE.has(child.name)) continue;
        stack.push(child);
      }
      kept.push(child);
    }
    if (kept.length !== node.children.length) relink(node, kept);
  }
}

function relink(parent: ParentNode, children: AnyNode[]): void {
  parent.children = children;
  children.forEach((child, i) => {
    child.parent = parent;
    child.prev = children[i - 1] ?? null;
    child.next = children[i + 1] ?? null;
  });
}

function wrapAll(document: Document): Element {
  const body = new Element("body", {}, [...document.children]);
  for (const child of body.children) child.parent = body;
  relink(document, [body]);
  return body;
}

function firstTag(root: ParentNode, name: string): Element | null {
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (node.name === name) return node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Queries. css-select compiles a selector into a function; compiled ones are kept, as the extractors ask the same
// few dozen selectors of every page.

type Test = (el: Element) => boolean;
const compiled = new Map<string, Test>();

function test(selector: string): Test {
  let fn = compiled.get(selector);
  if (!fn) {
    fn = compile<AnyNode, Element>(selector) as Test;
    compiled.set(selector, fn);
  }
  return fn;
}

/** The descendants of `root` (not `root` itself) matching `selector`, in document order. */
export function all(root: AnyNode | null | undefined, selector: string): Element[] {
  if (!root || !("children" in root)) return [];
  const match = test(selector);
  const out: Element[] = [];
  // A plain loop, not the generator below: this is the hottest loop of the extractor.
  const stack: AnyNode[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i]!);
  while (stack.length) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (match(node)) out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

/** The first descendant of `root` matching `selector`, or null. */
export function first(root: AnyNode | null | undefined, selector: string): Element | null {
  if (!root) return null;
  const match = test(selector);
  for (const el of descendants(root)) if (match(el)) return el;
  return null;
}

export function matches(el: Element, selector: string): boolean {
  return test(selector)(el);
}

/** `el` or its nearest ancestor matching `selector`. */
export function closest(el: Element, selector: string): Element | null {
  const match = test(selector);
  for (let node: Element | null = el; node; node = parentElement(node)) if (match(node)) return node;
  return null;
}

/** Every element under `root`, in document order, without recursion. */
export function* descendants(root: AnyNode): Generator<Element> {
  if (!("children" in root)) return;
  const stack: AnyNode[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i]!);
  while (stack.length) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    yield node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

export function parentElement(node: AnyNode): Element | null {
  const parent = node.parent;
  return parent && isTag(parent) ? parent : null;
}

export function childElements(el: ParentNode): Element[] {
  return el.children.filter(isTag);
}

export function nextElement(el: AnyNode): Element | null {
  for (let node = el.next; node; node = node.next) if (isTag(node)) return node;
  return null;
}


/** Whether `inner` is `outer` or inside it. */
export function contains(outer: AnyNode, inner: AnyNode): boolean {
  for (let node: AnyNode | null = inner; node; node = node.parent) if (node === outer) return true;
  return false;
}

/**
 * Take every node of `nodes` out of the tree: one pass over each parent's children, where removing them one by
 * one (`indexOf` + `splice`) costs time quadratic in the number of siblings.
 */
export function removeAll(nodes: Iterable<AnyNode>): void {
  const byParent = new Map<ParentNode, Set<AnyNode>>();
  for (const node of nodes) {
    if (!node.parent) continue;
    let gone = byParent.get(node.parent);
    if (!gone) byParent.set(node.parent, (gone = new Set()));
    gone.add(node);
  }
  for (const [parent, gone] of byParent) {
    relink(parent, parent.children.filter((child) => !gone.has(child)));
    for (const node of gone) node.parent = node.prev = node.next = null;
  }
}

/** The elements of `elements` that are inside none of the others (a set lookup per ancestor, never pairwise). */
export function outermost(elements: readonly Element[]): Element[] {
  const set = new Set(elements);
  const isNested = (el: Element) => {
    for (let up = parentElement(el); up; up = parentElement(up)) if (set.has(up)) return true;
    return false;
  };
  return [...set].filter((el) => !isNested(el));
}

/** Take `node` out of the tree. */
export function remove(node: AnyNode): void {
  const parent = node.parent;
  if (!parent) return;
  const i = parent.children.indexOf(node as never);
  if (i >= 0) parent.children.splice(i, 1);
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  node.parent = node.prev = node.next = null;
}

// ---------------------------------------------------------------------------------------------------------------
// Text.

/** Collapse every run of whitespace (nbsp and zero-width spaces included) to one space. */
export function normaliseSpace(text: string): string {
  return text.replace(/[\s\u200b\u200c\u200d\ufeff]+/g, " ").trim();
}

/** The text under `node` as written (entities decoded), without recursion. */
export function rawText(node: AnyNode | null | undefined): string {
  if (!node) return "";
  if (isText(node)) return node.data;
  if (!("children" in node)) return "";
  const parts: string[] = [];
  const stack: AnyNode[] = [node];
  while (stack.length) {
    const current = stack.pop()!;
    if (isText(current)) parts.push(current.data);
    else if ("children" in current && (current === node || (isTag(current) && current.name !== "script"))) {
      for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]!);
    }
  }
  return parts.join("");
}

/**
 * Whether the text under `node` is longer than `limit` characters (whitespace runs counted once), reading no
 * further than needed: a cheap test before taking the text of what may be a huge subtree.
 */
export function textLongerThan(node: AnyNode, limit: number): boolean {
  let total = 0;
  const stack: AnyNode[] = [node];
  while (stack.length) {
    const current = stack.pop()!;
    if (isText(current)) {
      total += current.data.replace(/\s+/g, " ").length;
      if (total > limit) return true;
    } else if ("children" in current && (current === node || (isTag(current) && current.name !== "script"))) {
      for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]!);
    }
  }
  return false;
}

/** Whether any text under `node` is more than whitespace, stopping at the first that is. */
export function hasVisibleText(node: AnyNode): boolean {
  const stack: AnyNode[] = [node];
  while (stack.length) {
    const current = stack.pop()!;
    if (isText(current)) {
      if (/\S/.test(current.data)) return true;
    } else if ("children" in current && (current === node || (isTag(current) && current.name !== "script"))) {
      for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]!);
    }
  }
  return false;
}

/** The text under `node`, whitespace collapsed: what a reader sees, as one line. */
export function textOf(node: AnyNode | null | undefined): string {
  return normaliseSpace(rawText(node));
}

/** Share of an element's text that sits inside links: menus and link lists are mostly links. */
export function linkDensity(el: Element): number {
  const total = textOf(el).length;
  if (total === 0) return 0;
  let linked = 0;
  for (const a of all(el, "a")) linked += textOf(a).length;
  return Math.min(1, linked / total);
}

export function attr(el: Element | null | undefined, name: string): string | null {
  const value = el?.attribs[name];
  return value ? normaliseSpace(value) || null : null;
}

/** The words of an element's class and id, lower-cased: "relatedPosts post-share" → related-posts, post-share. */
export function classAndIdTokens(el: Element): string[] {
  const raw = `${el.attribs.class ?? ""} ${el.attribs.id ?? ""}`;
  return raw.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase().split(/\s+/).filter(Boolean);
}


/**
 * The headline <h1> and the element that holds the story around it: its <article>/<main>, else its
 * grandparent. Lead and date finders look only here, not in sidebars.
 */
export function storyScope(page: Page): { h1: Element; scope: Element } | null {
  const h1 = first(page.body, "article h1, main h1, [role=main] h1") ?? first(page.body, "h1");
  if (!h1) return null;
  const scope = closest(h1, "article, main, [role=main]") ?? parentElement(parentElement(h1) ?? h1);
  return scope && scope !== h1 ? { h1, scope } : null;
}

/** The elements of `root` after `anchor` (and outside it) that match `selector`, in document order. */
export function elementsAfter(root: Element, anchor: Element, selector: string): Element[] {
  const match = test(selector);
  const out: Element[] = [];
  let seen = false;
  for (const el of descendants(root)) {
    if (el === anchor) {
      seen = true;
      continue;
    }
    if (seen && !contains(anchor, el) && match(el)) out.push(el);
  }
  return out;
}

