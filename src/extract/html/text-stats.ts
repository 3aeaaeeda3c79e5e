/**
 * Per-element text measurements, computed once for the whole tree in one bottom-up pass: how many characters of
 * text an element holds, how many of them sit inside links, and how many commas. Scoring asks these of the same
 * elements again and again (every paragraph credits five ancestors); walking each subtree per question made the
 * extractor quadratic in page depth.
 */
import { type AnyNode, type Element, isTag, isText } from "./dom.js";

export interface TextStats {
  /** Characters of text, whitespace runs counted as one. */
  chars: number;
  /** Of those, characters inside <a>. Same-page anchors ("#top") count less: they are tables of contents. */
  linkChars: number;
  commas: number;
}

const EMPTY: TextStats = { chars: 0, linkChars: 0, commas: 0 };
/** Commas of the scripts news is written in: Latin, CJK (，、), Arabic (،). */
export const COMMAS = /[,，、،﹐︐︑⹀⸴⸲]/g;
/** Readability's weight for in-page anchors, which are navigation inside the article rather than away from it. */
const HASH_LINK_WEIGHT = 0.3;

export class TextMeasure {
  readonly #stats = new Map<Element, TextStats>();
  /** Elements in each subtree, the element included: how much walking its text would cost. */
  readonly #elements = new Map<Element, number>();

  constructor(root: Element) {
    this.#measure(root);
  }

  of(el: Element): TextStats {
    return this.#stats.get(el) ?? EMPTY;
  }

  elementsIn(el: Element): number {
    return this.#elements.get(el) ?? 1;
  }

  linkDensity(el: Element): number {
    const s = this.of(el);
    return s.chars <= 0 ? 0 : Math.min(1, Math.max(0, s.linkChars / s.chars));
  }

  /** Take `el`'s text out of its ancestors' numbers, as if it had been removed from the page. */
  discount(el: Element): void {
    const gone = this.of(el);
    if (gone.chars === 0 && gone.commas === 0) return;
    for (let node = el.parent; node && isTag(node); node = node.parent) {
      const s = this.#stats.get(node);
      if (!s) break;
      this.#stats.set(node, { chars: s.chars - gone.chars, linkChars: s.linkChars - gone.linkChars, commas: s.commas - gone.commas });
    }
  }

  /** Post-order without recursion: each element's numbers are the sum of its children's. */
  #measure(root: Element): void {
    const stack: { el: Element; childIndex: number; acc: TextStats; link: number; elements: number }[] = [
      { el: root, childIndex: 0, acc: { chars: 0, linkChars: 0, commas: 0 }, link: linkWeight(root), elements: 1 },
    ];
    while (stack.length) {
      const frame = stack[stack.length - 1]!;
      const children = frame.el.children;
      if (frame.childIndex < children.length) {
        const child: AnyNode = children[frame.childIndex++]!;
        if (isText(child)) addText(frame.acc, child.data, frame.link);
        else if (isTag(child) && child.name !== "script") {
          stack.push({ el: child, childIndex: 0, acc: { chars: 0, linkChars: 0, commas: 0 }, link: linkWeight(child) || frame.link, elements: 1 });
        }
        continue;
      }
      stack.pop();
      this.#stats.set(frame.el, frame.acc);
      this.#elements.set(frame.el, frame.elements);
      const parent = stack[stack.length - 1];
      if (parent) {
        parent.elements += frame.elements;
        parent.acc.chars += frame.acc.chars;
        parent.acc.linkChars += frame.acc.linkChars;
        parent.acc.commas += frame.acc.commas;
      }
    }
  }
}

function linkWeight(el: Element): number {
  if (el.name !== "a") return 0;
  return (el.attribs.href ?? "").startsWith("#") ? HASH_LINK_WEIGHT : 1;
}

/**
 * Adds one text node's numbers to `acc`: what `data.replace(/\s+/g, " ")` then COMMAS would count (a node of
 * whitespace alone counts 0), in one pass that makes no string: it runs on every text node of every page
 * (text-stats.test.ts checks the two agree on random text).
 */
export function addText(acc: TextStats, data: string, link = 0): void {
  let chars = 0;
  let commas = 0;
  let inSpace = false;
  let allSpace = true;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (isSpaceUnit(c)) {
      if (!inSpace) chars++;
      inSpace = true;
      continue;
    }
    chars++;
    inSpace = false;
    allSpace = false;
    if (c === 0x2c || (c > 0x5ff && COMMA_UNITS.has(c))) commas++;
  }
  if (allSpace && chars === 1) chars = 0;
  acc.chars += chars;
  acc.linkChars += chars * link;
  acc.commas += commas;
}

/** COMMAS's characters, as UTF-16 code units. */
const COMMA_UNITS = new Set([0xff0c, 0x3001, 0x060c, 0xfe50, 0xfe10, 0xfe11, 0x2e40, 0x2e34, 0x2e32]);

/** JavaScript's `\s`: ASCII whitespace, no-break spaces, the Unicode space separators, line/paragraph separators, BOM. */
function isSpaceUnit(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
