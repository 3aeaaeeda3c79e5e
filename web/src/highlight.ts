/**
 * Text with highlighted ranges, as text nodes inside spans: the ranges may overlap (a loaded term inside a quote
 * inside a claim), so the text is cut at every range boundary and each piece carries the classes of the ranges
 * covering it. The target range (the one a link pointed at) is wrapped whole in one focusable <mark>.
 */
import { h } from "./dom.ts";

export interface Range {
  start: number;
  end: number;
  /** "quote", "claim", "loaded": styled as .hl-<kind>. */
  kind: string;
  note: string;
}

export function highlighted(text: string, ranges: readonly Range[], target: { start: number; end: number } | null): { nodes: Node[]; mark: HTMLElement | null } {
  const inText = ranges.filter((r) => r.start < r.end && r.end <= text.length);
  const cuts = new Set([0, text.length]);
  for (const r of inText) cuts.add(r.start).add(r.end);
  if (target) cuts.add(target.start).add(target.end);
  const points = [...cuts].sort((a, b) => a - b);
  const nodes: Node[] = [];
  let mark: HTMLElement | null = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i]!, points[i + 1]!];
    const covering = inText.filter((r) => r.start <= a && r.end >= b);
    const piece = text.slice(a, b);
    const node = covering.length
      ? h("span", { class: [...new Set(covering.map((r) => `hl-${r.kind}`))].join(" "), title: covering.map((r) => r.note).join("\n") }, piece)
      : document.createTextNode(piece);
    if (target && a >= target.start && b <= target.end) {
      if (!mark) nodes.push((mark = h("mark", { class: "target", tabindex: -1, "data-testid": "target", id: "target" })));
      mark.append(node);
    } else nodes.push(node);
  }
  return { nodes, mark };
}
