/**
 * A DOM subtree → the paragraphs a reader sees. Block elements end a paragraph, inline ones do not; table cells
 * of one row stay on one line. No HTML survives: `Article.text` is plain paragraphs joined by "\n\n".
 */
import { normaliseSpace } from "./dom.js";

const BLOCK = new Set([
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

export function paragraphsOf(root: Node): string[] {
  const out: string[] = [];
  let buffer: string[] = [];
  const flush = () => {
    const text = normaliseSpace(buffer.join(""));
    if (text) out.push(text);
    buffer = [];
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      buffer.push(node.nodeValue ?? "");
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).localName;
    if (SKIP.has(tag)) return;
    if (tag === "br") {
      flush();
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    if (CELL.has(tag) && buffer.some((s) => s.trim())) buffer.push(CELL_SEPARATOR);
    for (const child of Array.from(node.childNodes)) walk(child);
    if (CELL.has(tag)) buffer.push(" ");
    if (block) flush();
  };
  walk(root);
  flush();
  return out;
}
