import { describe, expect, test } from "vitest";
import { parseDocument } from "./dom.js";
import { type ContentOptions, mainContent } from "./main-content.js";
import { paragraphsOf } from "./paragraphs.js";
import { TextMeasure } from "./text-stats.js";

const STRICT: ContentOptions = { weighClasses: true, cleanConditionally: true };
const PROSE = "Residents said the water had been off for three days, and nobody from the utility had come by to explain why. ";

function extracted(html: string, options = STRICT): string {
  const page = parseDocument(`<html><body>${html}</body></html>`);
  const content = mainContent(page, new TextMeasure(page.body), options);
  return content.containers.flatMap((el) => paragraphsOf(el, content.dropped)).join("\n");
}

describe("mainContent", () => {
  test("picks the container with the most prose, not the link list", () => {
    const text = extracted(
      `<div class="links">${"<p><a href=/x>A teaser headline linking elsewhere on the site today, again</a></p>".repeat(8)}</div>` +
        `<div class="story"><p>${PROSE}${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p></div>`,
    );
    expect(text).toContain("Residents said");
    expect(text).not.toContain("teaser headline");
  });

  test("text written straight into a div between <br>s counts as paragraphs", () => {
    const text = extracted(`<div class="sidebar"><p>${PROSE}</p></div><div>${PROSE}<br><br>${PROSE}<br><br>${PROSE}<div>Share</div></div>`);
    expect(text.match(/Residents said/g)?.length).toBeGreaterThanOrEqual(3);
  });

  test("paragraph groups split by an ad are joined through their shared ancestor", () => {
    const group = `<div class="text-block"><p>${PROSE}</p><p>${PROSE}</p></div>`;
    const text = extracted(`<div class="article">${group}<div class="ad">Advertisement</div>${group}${group}</div><div><p>Short footer line.</p></div>`);
    expect(text.match(/Residents said/g)).toHaveLength(6);
    expect(text).not.toContain("Advertisement");
  });

  test("link lists and galleries inside the story container are cleaned out; data tables stay", () => {
    const links = `<div class="more">${"<a href=/a>Another story on this site worth a click</a> ".repeat(5)}</div>`;
    const gallery = `<div>${"<img src=a.jpg>".repeat(4)}<span>Gallery</span></div>`;
    const table = `<table><thead><tr><th>Party</th><th>Votes</th></tr></thead><tr><td>PSUV</td><td>52%</td></tr></table>`;
    const text = extracted(`<article><p>${PROSE}</p>${links}<p>${PROSE}</p>${gallery}${table}<p>${PROSE}</p></article>`);
    expect(text).not.toContain("Another story");
    expect(text).not.toContain("Gallery");
    expect(text).toContain("PSUV | 52%");
  });

  test("a negative class name sinks a container only while classes are weighed", () => {
    const html = `<div class="sidebar-widget"><p>${PROSE}${PROSE}</p><p>${PROSE}</p></div><div><p>Contact us.</p></div>`;
    expect(extracted(html, { weighClasses: false, cleanConditionally: false })).toContain("Residents said");
  });

  test("a page builder's rows inside the CMS's entry-content are one story", () => {
    const row = (n: number) => `<div class="vc_row"><div class="vc_column"><div class="wpb_wrapper"><div class="wpb_text_column"><div class="wpb_wrapper"><p>Part ${n}. ${PROSE}</p></div></div></div></div></div>`;
    const text = extracted(`<div class="entry-content">${row(1)}${row(2)}${row(3)}</div><div class="sidebar"><p>${PROSE}</p></div>`);
    expect(text).toContain("Part 1.");
    expect(text).toContain("Part 2.");
    expect(text).toContain("Part 3.");
  });

  test("no paragraph at all → no container", () => {
    const page = parseDocument("<html><body><nav><a href=/>Home</a></nav></body></html>");
    expect(mainContent(page, new TextMeasure(page.body), STRICT).containers).toEqual([]);
  });
});
