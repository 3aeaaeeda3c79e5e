/** The coverage bar: one segment per outlet, as wide as its share of the story's articles. */
import { h } from "./dom.ts";

const PALETTE_SIZE = 8;

export function coverageBar(coverage: readonly { outlet: string; articles: number }[], total: number): HTMLElement {
  const bar = h("div", { class: "coverage", role: "img", "data-testid": "coverage-bar", "aria-label": `coverage: ${coverage.map((c) => `${c.outlet} ${c.articles}`).join(", ")}` });
  coverage.forEach((c, i) => {
    const segment = h("span", { class: `segment c${i % PALETTE_SIZE}`, title: `${c.outlet}: ${c.articles} of ${total}` }, `${c.outlet} (${c.articles})`);
    // Set through the CSSOM, which the CSP allows (a style attribute it would block).
    segment.style.flexGrow = String(c.articles);
    bar.append(segment);
  });
  return bar;
}
