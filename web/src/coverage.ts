/**
 * The coverage bar: one segment per outlet, as wide as its share of the story's articles. Segments are neutral
 * (alternating greys): colour on this site means a verdict or loaded wording, never an outlet.
 */
import { h } from "./dom.ts";
import { outletName } from "./links.ts";
import { describeLeanSpread, describeOutletInfo } from "../../src/report/outlet-info.ts";
import { pageOutlets } from "./outlets.ts";

export function coverageBar(coverage: readonly { outlet: string; articles: number }[], total: number): HTMLElement {
  // With the user's outlet file (serve --outlets), each segment says what it knows of its outlet ("leans left").
  const outlets = pageOutlets();
  const named = coverage.map((c) => {
    const info = describeOutletInfo(outlets?.forOutlet(c.outlet) ?? null);
    return { outlet: outletName(c.outlet), described: `${outletName(c.outlet)}${info ? ` (${info})` : ""}`, articles: c.articles };
  });
  const bar = h("div", { class: "coverage", role: "img", "data-testid": "coverage-bar", "aria-label": `coverage: ${named.map((c) => `${c.described} ${c.articles}`).join(", ")}` });
  named.forEach((c, i) => {
    const segment = h("span", { class: `segment ${i % 2 ? "odd" : "even"}`, title: `${c.described}: ${c.articles} of ${total}` }, `${c.outlet} (${c.articles})`);
    // Set through the CSSOM, which the CSP allows (a style attribute it would block).
    segment.style.flexGrow = String(c.articles);
    bar.append(segment);
  });
  return bar;
}

/** The lean spread of a story's outlets, from the user's outlet file, under its coverage bar; nothing without one. */
export function leanLine(coverage: readonly { outlet: string }[]): HTMLElement | null {
  const outlets = pageOutlets();
  const spread = outlets ? describeLeanSpread(coverage.map((c) => outlets.forOutlet(c.outlet))) : null;
  return spread ? h("p", { class: "meta", "data-testid": "lean-spread" }, spread) : null;
}
