import { describe, expect, test } from "vitest";
import { parseDocument, textOf } from "./dom.js";

describe("parseDocument re-frames markup linkedom would misplace", () => {
  test.each([
    ["a fragment with no <html>/<body>", "<p>Story text.</p>"],
    ["a PHP warning before <html>", "<br /><b>Warning</b>: mysql<br />\n<!DOCTYPE html><html><head><title>T</title></head><body><p>Story text.</p></body></html>"],
    ["IE conditional <html> tags", '<!--[if IE 8]><html class="ie8"><![endif]--><html lang="de"><html class="no-js"><head></head><body><p>Story text.</p></body></html>'],
    ["a <div> inside <head>", "<html><head><div>junk</div><title>T</title></head><body><p>Story text.</p></body></html>"],
    ["an unclosed <title>", "<html><head><title>Headline\n<meta name=x content=y></head><body><p>Story text.</p></body></html>"],
    ["an end tag with junk after its name", "<html><body><script>var a = 1;</script\n<!-- c --><p>Story text.</p></body></html>"],
    ["<html> without <body>", "<html><p>Story text.</p></html>"],
  ])("%s", (_, html) => {
    const doc = parseDocument(html);
    expect(doc.documentElement.localName).toBe("html");
    expect(textOf(doc.body)).toContain("Story text.");
  });

  test("keeps <html lang> and JSON-LD, drops other scripts and styles", () => {
    const doc = parseDocument(
      '<html lang="es"><head><script type="application/ld+json">{"headline":"H"}</script><script>track()</script><style>p{}</style></head><body><p>x</p></body></html>',
    );
    expect(doc.documentElement.getAttribute("lang")).toBe("es");
    expect(doc.querySelectorAll("script").length).toBe(1);
    expect(doc.querySelector("style")).toBeNull();
  });
});
