/**
 * Text and pages built to make backtracking patterns and per-node work blow up: each shape gives a string of
 * about `size` characters. The cases come from what breaks regex engines (one long run a pattern's quantifiers
 * can split many ways, a run that almost matches and fails at its end) and DOM code (depth, width, one huge text
 * node). Shared by the fuzz corpus (fuzz-corpus.ts) and the linear-time tests (test/hostile/).
 */

/** `unit` repeated to about `size` characters. */
export const fill = (unit: string, size: number): string => unit.repeat(Math.max(1, Math.ceil(size / unit.length))).slice(0, size);

export const ADVERSARIAL_TEXT: Record<string, (size: number) => string> = {
  "one long word": (n) => fill("a", n),
  "one long capitalised word": (n) => "A" + fill("b", n - 1),
  "long word ending in a credit": (n) => fill("a", n - 20) + " Photo: Getty Images",
  "capitalised words": (n) => fill("Jean Van De Smith O'Neil Jr. ", n),
  "capitalised words without a full stop": (n) => fill("Mayor Smith Said ", n),
  "spaces then a letter": (n) => fill(" ", n - 1) + "x",
  "letter then spaces": (n) => "x" + fill(" ", n - 1),
  "whitespace mix": (n) => fill(" \t\u00a0\u200b", n),
  "punctuation run": (n) => fill(",.;:!?-–—|/·•»", n),
  "dots": (n) => fill(".", n),
  "dots between words": (n) => fill("a.", n),
  "hyphens and apostrophes in one word": (n) => fill("a-b'c’", n),
  "quotes": (n) => fill("\"“”'’«»", n),
  "an unclosed quotation": (n) => "He said “" + fill("we will stay and ", n - 10),
  "digits": (n) => fill("1", n),
  "numbers and separators": (n) => fill("1,000.5 % $ 2-3 ", n),
  "dates and times": (n) => fill("12.03.2024, 12:35 Uhr ", n),
  "many short lines": (n) => fill("a\n", n),
  "blank lines with spaces": (n) => fill(" \n", n),
  "brackets": (n) => fill("((([[[{{", n),
  "an unclosed bracket": (n) => "[" + fill("a", n - 1),
  "handles": (n) => fill("— a (@", n),
  "attribution phrases": (n) => fill("according to officials, said ", n),
  "at signs and slashes": (n) => fill("x/@a ", n),
  "astral characters": (n) => fill("😀", n),
  "markup-like text": (n) => fill("<a ", n),
};

export const ADVERSARIAL_HTML: Record<string, (size: number) => string> = {
  "nested <div>s": (n) => fill("<div>", n),
  "nested <div>s closed": (n) => `<html><body>${fill("<div>", n / 2)}<p>Story.</p>${fill("</div>", n / 2)}</body></html>`,
  "unclosed inline tags": (n) => fill("<span><b><i>", n),
  "unmatched end tags": (n) => `<div>${fill("</span>", n)}`,
  "nested tables": (n) => fill("<table><tr><td>", n),
  "nested lists": (n) => fill("<ul><li>", n),
  "nested figures and code": (n) => fill("<figure><pre>", n),
  "many paragraphs": (n) => `<html><body>${fill("<p>A short line of text.</p>", n)}</body></html>`,
  "many links": (n) => `<html><body>${fill('<a href="/x">link</a>', n)}</body></html>`,
  "many headings": (n) => `<html><body>${fill("<h1>Headline</h1>", n)}</body></html>`,
  "a huge attribute": (n) => `<html><body><div class="${fill("a ", n)}">x</div></body></html>`,
  "a huge comment": (n) => `<html><body><!--${fill("-", n)}<p>x</p></body></html>`,
  "many meta tags": (n) => `<html><head>${fill('<meta name="author" content="A B">', n)}</head><body><p>x</p></body></html>`,
  "a huge JSON-LD": (n) => `<html><head><script type="application/ld+json">{"@type":"NewsArticle","author":"${fill("a", n)}"}</script></head><body></body></html>`,
  "an unclosed title": (n) => `<html><head><title>${fill("a ", n)}`,
  "an unclosed tag": (n) => `<html><body><div ${fill("a=b ", n)}`,
};
