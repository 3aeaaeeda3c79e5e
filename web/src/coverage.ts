/**
 * The coverage bar: one segment per outlet, as wide as its share of the story's articles. Segments are neutral
 * (alternating greys): colour on this site means a verdict or loaded wording, never an outlet.
 */
import { h } from "./dom.ts";
import { outletName } from "./links.ts";

export function coverageBar(coverage: readonly { outlet: string; articles: number }[], total: number): HTMLElement {
  const named = coverage.map((c) => ({ outlet: outletName(c.outlet), articles: c.articles }));
  const bar = h("div", { class: "coverage", role: "img", "data-testid": "coverage-bar", "aria-label": `coverage: ${named.map((c) => `${c.outlet} ${c.articles}`).join(", ")}` });
  named.forEach((c, i) => {
    const segment = h("span", { class: `segment ${i % 2 ? "odd" : "even"}`, title: `${c.outlet}: ${c.articles} of ${total}` }, `${c.outlet} (${c.articles})`);
    // Set through the CSSOM, which the CSP allows (a style attribute it would block).
    segment.style.flexGrow = String(c.articles);
    bar.append(segment);
  });
  return bar;
}
