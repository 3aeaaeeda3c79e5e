import { describe, expect, test } from "vitest";
import { parseDocument } from "./dom.js";
import { blocksOf, paragraphsOf } from "./paragraphs.js";

const body = (html: string) => parseDocument(`<html><body>${html}</body></html>`).body;

describe("paragraphsOf", () => {
  test.each([
    ["<p>One <b>bold</b>  move.</p><p>Two.</p>", ["One bold move.", "Two."]],
    ["<div>Line one<br>Line two</div>", ["Line one", "Line two"]],
    ["<ul><li>First item</li><li>Second item</li></ul>", ["First item", "Second item"]],
    ["<table><tr><th>Party</th><th>Votes</th></tr><tr><td>PSUV</td><td>52%</td></tr></table>", ["Party | Votes", "PSUV | 52%"]],
    ["<p>Kept</p><script>var x = 1;</script><style>p{}</style><button>Share</button>", ["Kept"]],
    ["<p>a\u00a0\u200bb\n\n c</p>", ["a b c"]],
  ])("%s", (html, expected) => {
    expect(paragraphsOf(body(html))).toEqual(expected);
  });
});

describe("blocksOf", () => {
  test("measures each paragraph's linked share", () => {
    const blocks = blocksOf(body("<p>Read <a href=/x>the full report</a> here.</p><li><a href=/y>Next story</a></li>"));
    expect(blocks.map((b) => [b.text, Number(b.linkDensity.toFixed(2))])).toEqual([
      ["Read the full report here.", 0.58],
      ["Next story", 1],
    ]);
  });

  test("skips what conditional cleaning dropped", () => {
    const root = body("<p>Kept paragraph.</p><div class=gallery><p>Dropped caption.</p></div>");
    const dropped = new Set(root.children.filter((c) => c.type === "tag" && c.attribs.class === "gallery"));
    expect(paragraphsOf(root, dropped)).toEqual(["Kept paragraph."]);
  });
});
