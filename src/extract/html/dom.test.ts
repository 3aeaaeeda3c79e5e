import { describe, expect, test } from "vitest";
import { all, attr, first, MAX_TREE_DEPTH, parseDocument, textOf } from "./dom.js";

describe("parseDocument finds <head> and <body> in markup as it comes", () => {
  test.each([
    ["a fragment with no <html>/<body>", "<p>Story text.</p>"],
    ["a PHP warning before <html>", "<br /><b>Warning</b>: mysql<br />\n<!DOCTYPE html><html><head><title>T</title></head><body><p>Story text.</p></body></html>"],
    ["IE conditional <html> tags", '<!--[if IE 8]><html class="ie8"><![endif]--><html lang="de"><html class="no-js"><head></head><body><p>Story text.</p></body></html>'],
    ["a <div> inside <head>", "<html><head><div>junk</div><title>T</title></head><body><p>Story text.</p></body></html>"],
    ["an unclosed <title>", "<html><head><title>Headline\n<meta name=x content=y></head><body><p>Story text.</p></body></html>"],
    ["an end tag with junk after its name", "<html><body><script>var a = 1;</script\n<!-- c --><p>Story text.</p></body></html>"],
    ["<html> without <body>", "<html><p>Story text.</p></html>"],
  ])("%s", (_, html) => {
    const page = parseDocument(html);
    expect(textOf(page.body)).toBe("Story text.");
  });

  test("keeps <html lang> and JSON-LD, drops other scripts and styles", () => {
    const doc = parseDocument(
      '<html lang="es"><head><script type="application/ld+json">{"headline":"H"}</script><script>track()</script><style>p{}</style></head><body><p>x</p></body></html>',
    );
    expect(attr(doc.html, "lang")).toBe("es");
    expect(all(doc.document, "script")).toHaveLength(1);
    expect(first(doc.document, "style")).toBeNull();
    expect(textOf(doc.document)).toBe("x");
  });

  test("nesting deeper than a browser builds is flattened, not recursed into", () => {
    const page = parseDocument(`<body>${"<div>".repeat(10_000)}deep${"</div>".repeat(10_000)}<p>after</p></body>`);
    let depth = 0;
    for (let el = first(page.body, "div"); el; el = first(el, ":scope > div")) depth++;
    expect(depth).toBeLessThanOrEqual(MAX_TREE_DEPTH);
    expect(textOf(page.body)).toBe("deepafter");
  });
});
