/**
 * What conditional cleaning (main-content.ts) asks of every element it judges: what the element holds (paragraphs,
 * images, lists, a data table) and what holds it (<code>, <figure>, a data table). Asked afresh, each question
 * walks a subtree or the ancestors, so judging every element of a deep page cost time quadratic in its depth
 * (a 100 KB page of nested <div>s took seconds). Here each answer is kept and built from the children's or the
 * parent's, so the whole page costs one walk.
 *
 * Kept answers stay right because cleaning runs innermost first: by the time an element is judged, nothing
 * inside it will be judged (or discounted) again, so the text measurements its counts read are final.
 */
import { all, type Element, first, isTag, parentElement } from "./dom.js";
import type { TextMeasure } from "./text-stats.js";

export interface Inside {
  paragraphs: number;
  images: number;
  listItems: number;
  inputs: number;
  embeds: number;
  headingChars: number;
  /** Characters in lists that are not inside another list. */
  outerListChars: number;
  /** A data table somewhere inside. */
  hasDataTable: boolean;
}

const HEADING = /^h[1-6]$/;
const LIST = new Set(["ul", "ol"]);
const CODE = new Set(["code", "pre"]);
const FIGURE = new Set(["figure"]);

export class CleanCounts {
  readonly #inside = new Map<Element, Inside>();
  readonly #inCode = new Map<Element, boolean>();
  readonly #inFigure = new Map<Element, boolean>();
  readonly #inDataTable = new Map<Element, boolean>();
  readonly #dataTable = new Map<Element, boolean>();

  constructor(private readonly measure: TextMeasure) {}

  /** Everything counted under `el` (not `el` itself), summed from its children's counts. */
  inside(el: Element): Inside {
    const known = this.#inside.get(el);
    if (known) return known;
    // Post-order without recursion: a child's counts are ready before its parent's.
    const stack: { el: Element; expanded: boolean }[] = [{ el, expanded: false }];
    while (stack.length) {
      const frame = stack[stack.length - 1]!;
      if (!frame.expanded) {
        frame.expanded = true;
        for (const child of frame.el.children) if (isTag(child) && !this.#inside.has(child)) stack.push({ el: child, expanded: false });
        continue;
      }
      stack.pop();
      if (!this.#inside.has(frame.el)) this.#inside.set(frame.el, this.#sumChildren(frame.el));
    }
    return this.#inside.get(el)!;
  }

  /** `el` or an ancestor is <code> or <pre>. */
  inCode(el: Element): boolean {
    return this.#upward(el, this.#inCode, (node) => CODE.has(node.name));
  }

  /** `el` or an ancestor is a <figure>. */
  inFigure(el: Element): boolean {
    return this.#upward(el, this.#inFigure, (node) => FIGURE.has(node.name));
  }

  /** `el` is a data table or sits inside one. */
  inDataTable(el: Element): boolean {
    return this.#upward(el, this.#inDataTable, (node) => this.isDataTable(node));
  }

  /**
   * Which tables hold data (the results of a vote, casualty figures) rather than lay out a page: Readability's
   * tests, simplified. Remembered per table: cleaning asks about the same tables from every element around them.
   */
  isDataTable(el: Element): boolean {
    if (el.name !== "table") return false;
    let verdict = this.#dataTable.get(el);
    if (verdict === undefined) {
      verdict = looksLikeDataTable(el);
      this.#dataTable.set(el, verdict);
    }
    return verdict;
  }

  #sumChildren(el: Element): Inside {
    const sum: Inside = { paragraphs: 0, images: 0, listItems: 0, inputs: 0, embeds: 0, headingChars: 0, outerListChars: 0, hasDataTable: false };
    for (const child of el.children) {
      if (!isTag(child)) continue;
      const below = this.#inside.get(child)!;
      const name = child.name;
      sum.paragraphs += below.paragraphs + (name === "p" ? 1 : 0);
      sum.images += below.images + (name === "img" ? 1 : 0);
      sum.listItems += below.listItems + (name === "li" ? 1 : 0);
      sum.inputs += below.inputs + (name === "input" ? 1 : 0);
      sum.embeds += below.embeds + (name === "object" || name === "embed" || name === "iframe" ? 1 : 0);
      sum.headingChars += below.headingChars + (HEADING.test(name) ? this.measure.of(child).chars : 0);
      // A list's own characters count, not those of the lists inside it.
      sum.outerListChars += LIST.has(name) ? this.measure.of(child).chars : below.outerListChars;
      sum.hasDataTable ||= below.hasDataTable || this.isDataTable(child);
    }
    return sum;
  }

  /** Whether `el` or an ancestor passes `test`, filling `memo` for the path walked so each element is tested once. */
  #upward(el: Element, memo: Map<Element, boolean>, test: (node: Element) => boolean): boolean {
    const path: Element[] = [];
    let answer = false;
    for (let node: Element | null = el; node; node = parentElement(node)) {
      const known = memo.get(node);
      if (known !== undefined) {
        answer = known;
        break;
      }
      path.push(node);
    }
    // From the top down: an element is inside when its parent is, or when it passes itself.
    for (let i = path.length - 1; i >= 0; i--) {
      answer ||= test(path[i]!);
      memo.set(path[i]!, answer);
    }
    return answer;
  }
}

function looksLikeDataTable(el: Element): boolean {
  const role = el.attribs.role;
  if (role === "presentation" || el.attribs.datatable === "0") return false;
  if (el.attribs.summary || first(el, "caption, thead, tfoot, colgroup, col, th")) return true;
  if (first(el, "table")) return false;
  const rows = all(el, "tr");
  const columns = rows.reduce((max, row) => Math.max(max, row.children.filter((c) => isTag(c) && (c.name === "td" || c.name === "th")).length), 0);
  return rows.length >= 10 || columns > 4 || rows.length * columns > 10;
}
