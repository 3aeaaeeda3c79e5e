import { describe, expect, test } from "vitest";
import { parseDocument, textOf } from "./dom.js";
import { takeEmbeds } from "./embeds.js";

function embedsOf(body: string) {
  const page = parseDocument(`<html><body><p>Story text stays.</p>${body}</body></html>`);
  const embeds = takeEmbeds(page);
  return { embeds, rest: textOf(page.body) };
}

describe("takeEmbeds", () => {
  test("a plain <blockquote> ending in a status link is a post", () => {
    const { embeds, rest } = embedsOf(
      `<blockquote><p>We will not negotiate.</p>— Jorge Rodríguez (@jorgerpsuv) <a href="https://x.com/jorgerpsuv/status/1999">November 30, 2025</a></blockquote>`,
    );
    expect(embeds).toEqual([
      { kind: "post", platform: "x", author: "Jorge Rodríguez", handle: "@jorgerpsuv", text: "We will not negotiate.", date: "2025-11-30", url: "https://x.com/jorgerpsuv/status/1999" },
    ]);
    expect(rest).toBe("Story text stays.");
  });

  test("a TikTok embed keeps its permalink", () => {
    const { embeds } = embedsOf(
      `<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@someone/video/7300000000000000000"><section><a title="@someone" href="https://www.tiktok.com/@someone">@someone</a><p>Caracas tonight</p></section></blockquote>`,
    );
    expect(embeds[0]).toMatchObject({ platform: "tiktok", handle: "@someone", url: "https://www.tiktok.com/@someone/video/7300000000000000000" });
  });

  test("must not: a quotation <blockquote> without a post link stays in the article", () => {
    const { embeds, rest } = embedsOf(`<blockquote><p>"We are not leaving," he said.</p></blockquote>`);
    expect(embeds).toEqual([]);
    expect(rest).toContain("We are not leaving");
  });
});
