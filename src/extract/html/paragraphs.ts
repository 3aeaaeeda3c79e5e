/**
 * A DOM subtree → the paragraphs a reader sees. Block elements end a paragraph, inline ones do not; table cells
 * of one row stay on one line. No HTML survives: `Article.text` is plain paragraphs joined by "\n\n".
 */
import { type AnyNode, isDocument, isTag, isText, normaliseSpace } from "./dom.js";

export const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
  "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul",
]);
/** Never text a reader sees. */
const SKIP = new Set([
  "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "select",
  "option", "textarea", "input", "button", "head", "title", "meta", "link",
]);
const CELL = new Set(["td", "th"]);
const CELL_SEPARATOR = " | ";

/** `skip`: elements left out with their subtree (what conditional cleaning dropped). */
export function paragraphsOf(root: AnyNode, skip: ReadonlySet<AnyNode> = new Set()): string[] {
  return blocksOf(root, skip).map((b) => b.text);
}

export interface TextBlock {
  text: string;
  /** Share of the block's characters inside links. */
  linkDensity: number;
}

/** The paragraphs with how much of each is link text: a line that is all link points elsewhere. */
export function blocksOf(root: AnyNode, skip: ReadonlySet<AnyNode> = new Set()): TextBlock[] {
  const out: TextBlock[] = [];
  let buffer: string[] = [];
  let linked = 0;
  let inLink = 0;
  const flush = () => {
    const text = normaliseSpace(buffer.join(""));
    if (text) out.push({ text, linkDensity: Math.min(1, linked / text.length) });
    buffer = [];
    linked = 0;
  };
  const walk = (node: AnyNode) => {
    if (isText(node)) {
      buffer.push(node.data);
      if (inLink) linked += normaliseSpace(node.data).length;
      return;
    }
    if (!isTag(node) && !isDocument(node)) return;
    const tag = isTag(node) ? node.name : "body";
    if (SKIP.has(tag) || skip.has(node)) return;
    if (tag === "br") {
      flush();
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    if (CELL.has(tag) && buffer.some((s) => s.trim())) buffer.push(CELL_SEPARATOR);
    if (tag === "a") inLink++;
    for (const child of node.children) walk(child);
    if (tag === "a") inLink--;
    if (CELL.has(tag)) buffer.push(" ");
    if (block) flush();
  };
  walk(root);
  flush();
  return out;
}
