/**
 * The hostile corpus: 200+ inputs generated deterministically (a seeded generator, no files in the repo), each
 * the kind of thing a user, an upload or a crawl hands over by mistake or on purpose: binary files, truncated
 * archives, every encoding, huge and deep pages, long words, NUL bytes, bombs, malformed records and feeds,
 * absurd dates. The good articles mixed into every batch are made here too, each distinct, so a run can check
 * that none was lost beside the bad ones.
 */
import { gzipSync } from "node:zlib";
import { ADVERSARIAL_HTML, ADVERSARIAL_TEXT, fill } from "./fuzz-shapes.js";
import { legacyEncoder } from "./legacy-encoder.js";

export interface HostileInput {
  /** File name: its extension is what tells the CLI how to read it. */
  name: string;
  bytes: Buffer;
  group: string;
}

const ONE_MB = 1_000_000;
const STORY = "The port authority said on Monday that cargo traffic fell by a third after the strike, the steepest drop since 2009. ";

/** mulberry32: a small seeded generator, so the corpus is the same bytes on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const randomBytes = (n: number, seed: number) => {
  const next = random(seed);
  return Buffer.from(Uint8Array.from({ length: n }, () => Math.floor(next() * 256)));
};

/** A good article, different for every `n`: its own place, numbers and people, long enough to be kept. */
export function goodArticle(n: number): { name: string; bytes: Buffer; title: string } {
  const places = ["Rotterdam", "Valparaíso", "Gdańsk", "Mombasa", "Busan", "Halifax", "Tema", "Santos", "Piraeus", "Durban"];
  const place = `${places[n % places.length]} ${Math.floor(n / places.length) + 1}`;
  const title = `Dockworkers in ${place} end strike after ${n + 3} days`;
  const body = [
    title,
    "",
    `${place}, ${2 + (n % 20)} March 2024 — Dockworkers at the port of ${place} voted on Sunday to end a strike that lasted ${n + 3} days, union leader Maria Okafor-${n} said.`,
    `The port authority said cargo volumes fell by ${10 + (n % 40)} percent during the walkout, and ${100 + n * 7} ships waited offshore at its peak.`,
    `"We got what we came for," Okafor-${n} told reporters outside the union hall. The agreement raises wages by ${3 + (n % 5)} percent over two years.`,
    `Shipping companies had warned that the dispute would delay deliveries across the region. A spokesman for the largest operator, Jonas Lindqvist-${n}, said ships would be unloaded within a week.`,
    `The strike began after talks over pay and night shifts broke down. Local officials, who had called for mediation, welcomed the vote and said the port would return to full capacity by Friday.`,
    `Economists said the ${n + 3}-day stoppage would shave a fraction of a point off regional growth this quarter, but that the effect should fade once the backlog clears.`,
  ].join("\n\n");
  return { name: `good-${String(n).padStart(3, "0")}.txt`, bytes: Buffer.from(body), title };
}

function warcRecord(type: string, headers: Record<string, string>, block: Buffer): Buffer {
  const lines = Object.entries({ "WARC-Type": type, "WARC-Date": "2024-03-05T10:20:30Z", ...headers }).map(([k, v]) => `${k}: ${v}\r\n`);
  return Buffer.concat([Buffer.from(`WARC/1.0\r\n${lines.join("")}Content-Length: ${block.length}\r\n\r\n`), block, Buffer.from("\r\n\r\n")]);
}

function warcResponse(uri: string, body: Buffer, extraHttp = ""): Buffer {
  const http = Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n${extraHttp}Content-Length: ${body.length}\r\n\r\n`);
  return warcRecord("response", { "WARC-Target-URI": uri, "Content-Type": "application/http; msgtype=response" }, Buffer.concat([http, body]));
}

const page = (text: string) => Buffer.from(`<!doctype html><html><head><title>Port strike</title></head><body><article><h1>Port strike</h1><p>${text}</p></article></body></html>`);

export function hostileCorpus(): HostileInput[] {
  const out: HostileInput[] = [];
  const add = (group: string, name: string, bytes: Buffer | string) => out.push({ group, name, bytes: Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes) });

  // Binary, whole or in part.
  for (const [i, size] of [100, 4096, 65_536, ONE_MB].entries()) add("binary", `random-${size}.html`, randomBytes(size, i + 1));
  add("binary", "png-as.html", Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(2000, 7)]));
  add("binary", "pdf-as.txt", Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(5000, 8)]));
  add("binary", "elf-as.txt", Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), randomBytes(5000, 9)]));
  add("binary", "zip-as.json", Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(3000, 10)]));
  for (const tail of [600, 8192, 100_000]) add("binary", `text-head-binary-tail-${tail}.txt`, Buffer.concat([Buffer.from(STORY.repeat(200)), randomBytes(tail, tail)]));
  add("binary", "gzip-as.html", gzipSync(page(STORY.repeat(20))));

  // Truncated archives and bombs.
  const warc = Buffer.concat([warcRecord("warcinfo", {}, Buffer.from("software: fuzz\r\n")), warcResponse("https://a.example/1", page(STORY.repeat(30))), warcResponse("https://a.example/2", page(STORY.repeat(25)))]);
  const warcGz = gzipSync(warc);
  for (const cut of [0.1, 0.3, 0.5, 0.7, 0.9, 0.99]) {
    add("archive", `truncated-${cut}.warc`, warc.subarray(0, Math.floor(warc.length * cut)));
    add("archive", `truncated-${cut}.warc.gz`, warcGz.subarray(0, Math.floor(warcGz.length * cut)));
  }
  add("archive", "requests-only.warc.gz", gzipSync(Buffer.concat([1, 2, 3].map((i) => warcRecord("request", { "WARC-Target-URI": `https://a.example/${i}` }, Buffer.from(`GET /${i} HTTP/1.1\r\n\r\n`))))));
  add("archive", "empty.warc", Buffer.alloc(0));
  add("archive", "not-a.warc", Buffer.from(STORY.repeat(10)));
  add("archive", "header-without-end.warc", Buffer.from(`WARC/1.0\r\nWARC-Type: response\r\n${"X-Pad: a\r\n".repeat(200_000)}`));
  add("archive", "bad-content-length.warc", Buffer.from("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999999\r\n\r\nshort"));
  // A page that inflates to 1 GB of spaces inside a WARC record (gzip members of 10 MB, concatenated: a valid
  // gzip stream, made without holding 1 GB): reading must stop at the input limit.
  const member = gzipSync(Buffer.alloc(10 * 1024 * 1024, 0x20), { level: 9 });
  add("bomb", "gzip-bomb-in.warc", warcResponse("https://bomb.example/", Buffer.concat(Array.from({ length: 100 }, () => member)), "Content-Encoding: gzip\r\n"));
  add("bomb", "gzip-bomb-whole.warc.gz", Buffer.concat(Array.from({ length: 100 }, () => member)));
  add("bomb", "gzip-bomb.html.gz", Buffer.concat(Array.from({ length: 20 }, () => member)));
  add("bomb", "deep-json.json", `${"[".repeat(200_000)}${"]".repeat(200_000)}`);
  add("bomb", "wide-json.json", `{${Array.from({ length: 200_000 }, (_, i) => `"k${i}":${i}`).join(",")}}`);
  add("bomb", "entity-expansion.html", `<!DOCTYPE html [<!ENTITY a "${"x".repeat(1000)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><html><body><p>${"&b;".repeat(10_000)}</p></body></html>`);
  add("bomb", "many-records.jsonl", "{}\n".repeat(1_000_000));

  // Every encoding, declared or not.
  const russian = "Президент заявил в понедельник, что переговоры продолжатся на следующей неделе. По словам представителя, стороны обсудят обмен пленными. ".repeat(5);
  const japanese = "東京電力は月曜日、処理水の放出を来週から再開すると発表した。政府関係者によると、漁業者との協議は続いている。".repeat(5);
  const chinese = "国家统计局周一公布的数据显示，今年第一季度国内生产总值同比增长百分之五点三，高于市场预期。".repeat(5);
  const korean = "대통령은 월요일 기자회견에서 새로운 경제 정책을 발표했다. 야당은 즉각 반발했다. ".repeat(5);
  const greek = "Η κυβέρνηση ανακοίνωσε τη Δευτέρα νέα μέτρα για την ενέργεια και τις τιμές. ".repeat(5);
  const german = "Die Bundesregierung hat am Montag beschlossen, die Förderung für Wärmepumpen zu kürzen. Ökonomen äußerten Kritik. ".repeat(5);
  const encodings: [string, string, (t: string) => Buffer][] = [
    ["cp1251", russian, legacyEncoder("windows-1251")],
    ["koi8-r", russian, legacyEncoder("koi8-r")],
    ["shift_jis", japanese, legacyEncoder("shift_jis", true)],
    ["euc-jp", japanese, legacyEncoder("euc-jp", true)],
    ["gb18030", chinese, legacyEncoder("gb18030", true)],
    ["big5", "行政院長周一表示，政府將提出新的住宅政策，以因應房價持續上漲。".repeat(5), legacyEncoder("big5", true)],
    ["euc-kr", korean, legacyEncoder("euc-kr", true)],
    ["iso-8859-7", greek, legacyEncoder("iso-8859-7")],
    ["windows-1252", german, legacyEncoder("windows-1252")],
    ["utf-16le", russian, (t) => Buffer.from(t, "utf16le")],
    ["utf-16be", german, (t) => Buffer.from(t, "utf16le").swap16()],
    ["utf-16le-bom", chinese, (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, "utf16le")])],
    ["utf-8-bom", korean, (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)])],
  ];
  for (const [label, text, encode] of encodings) {
    add("encoding", `undeclared-${label}.txt`, encode(text));
    add("encoding", `undeclared-${label}.html`, encode(`<html><head><title>Новости 2024</title></head><body><p>${text}</p></body></html>`));
    add("encoding", `declared-wrongly-${label}.html`, encode(`<html><head><meta charset="utf-8"><title>x 2024</title></head><body><p>${text}</p></body></html>`));
  }
  add("encoding", "invalid-utf8.txt", Buffer.concat([Buffer.from(STORY), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc]), Buffer.from(STORY)]));
  add("encoding", "overlong-utf8.txt", Buffer.concat([Buffer.from(STORY), Buffer.from([0xc0, 0xaf, 0xe0, 0x80, 0xaf]), Buffer.from(STORY)]));
  add("encoding", "lone-surrogates.json", `{"title":"\\ud800 broken","text":"${STORY.repeat(3)}\\udc00\\ud83d"}`);
  add("encoding", "unknown-charset.html", `<html><head><meta charset="x-klingon"></head><body><p>${STORY.repeat(5)}</p></body></html>`);

  // Huge and deep pages, long words and runs: the adversarial shapes at 1 MB.
  for (const [shape, build] of Object.entries(ADVERSARIAL_HTML)) add("page", `${slug(shape)}.html`, build(ONE_MB));
  for (const [shape, build] of Object.entries(ADVERSARIAL_TEXT)) add("text", `${slug(shape)}.txt`, build(ONE_MB));
  add("page", "ten-mb-of-paragraphs.html", `<html><body>${fill(`<p>${STORY}</p>`, 10 * ONE_MB)}</body></html>`);
  add("page", "over-the-input-limit.txt", fill(STORY, 21 * 1024 * 1024));

  // NUL bytes in ids, fields and text.
  add("nul", "nul-in-id.jsonl", `${JSON.stringify({ id: "a\u0000b", text: STORY.repeat(10) })}\n`);
  add("nul", "nul-in-title.json", JSON.stringify({ title: "Port\u0000 strike", text: STORY.repeat(10) }));
  add("nul", "nul-in-outlet.json", JSON.stringify({ outlet: "\u0000Daily", text: STORY.repeat(10) }));
  add("nul", "nul-in-url.json", JSON.stringify({ url: "https://a.example/\u0000x", text: STORY.repeat(10) }));
  add("nul", "nul-in-authors.json", JSON.stringify({ authors: ["A\u0000B"], text: STORY.repeat(10) }));
  add("nul", "nul-in-text.json", JSON.stringify({ text: `${STORY.repeat(5)}\u0000${STORY.repeat(5)}` }));
  add("nul", "nul-in-date.json", JSON.stringify({ publishedAt: "2024\u0000-03-01", text: STORY.repeat(10) }));
  add("nul", "nul-at-start.txt", Buffer.concat([Buffer.from([0]), Buffer.from(STORY.repeat(10))]));
  add("nul", "nul-past-first-window.txt", Buffer.concat([Buffer.from(STORY.repeat(100)), Buffer.from([0]), Buffer.from(STORY.repeat(100))]));
  add("nul", "nul-in-html-attribute.html", Buffer.concat([Buffer.from(`<html><body>${"<p>x</p>".repeat(1000)}<p class="a`), Buffer.from([0]), Buffer.from(`">${STORY.repeat(10)}</p></body></html>`)]));

  // Malformed records and feeds.
  const records: [string, string][] = [
    ["empty-array.json", "[]"], ["empty-object.json", "{}"], ["null.json", "null"], ["string.json", '"text"'], ["number.json", "42"],
    ["numbers-array.json", "[1,2,3]"], ["text-as-number.json", JSON.stringify({ text: 5 })], ["text-as-object.json", JSON.stringify({ text: { a: 1 } })],
    ["trailing-comma.json", `{"text": "${STORY}",}`], ["truncated.json", `{"text": "${STORY}`], ["bom.json", `\ufeff${JSON.stringify({ text: STORY.repeat(10) })}`],
    ["crlf.jsonl", `${JSON.stringify({ text: STORY.repeat(10), id: "crlf-1" })}\r\n{}\r\n`], ["blank.jsonl", "\n\n   \n"], ["bad-lines.jsonl", "nope\n{\n}\n[1]\n"],
    ["huge-title.json", JSON.stringify({ title: fill("T", ONE_MB), text: STORY.repeat(10) })], ["authors-nested.json", JSON.stringify({ authors: [[["deep"]]], text: STORY.repeat(10) })],
    ["id-object.json", JSON.stringify({ id: { a: 1 }, text: STORY.repeat(10) })], ["id-huge.json", JSON.stringify({ id: fill("i", ONE_MB), text: STORY.repeat(10) })],
    ["html-field-binaryish.json", JSON.stringify({ html: "\u0001\u0002\u0003".repeat(1000) })], ["duplicate-ids.jsonl", [1, 2, 3].map(() => JSON.stringify({ id: "same", text: STORY.repeat(10) })).join("\n")],
    ["rss.txt", `<rss><channel><item><title>${STORY}</title><link>javascript:alert(1)</link></item></channel></rss>`],
    ["atom-broken.html", `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</title>`],
    ["sitemap-self.txt", `<sitemapindex><sitemap><loc>./sitemap-self.txt</loc></sitemap></sitemapindex>`],
    ["json-feed.json", JSON.stringify({ version: "https://jsonfeed.org/version/1.1", items: [{ id: "1", content_text: STORY }] })],
  ];
  for (const [name, text] of records) add("records", name, text);

  // Absurd dates, in records and in pages.
  const dates = ["0000-00-00", "9999-12-31T23:59:59Z", "-271821-04-20", "+275760-09-13", "2024-02-30", "1970-01-01", "yesterday", "NaN", "1e400", "2024-13-45T25:61:61Z", "٢٠٢٤-٠٣-٠١", "Mon, 32 Foo 2024"];
  for (const [i, date] of dates.entries()) {
    add("dates", `date-${i}.json`, JSON.stringify({ publishedAt: date, title: `Date ${i}`, text: STORY.repeat(10) }));
    add("dates", `date-${i}.html`, `<html><head><meta property="article:published_time" content="${date}"><title>Date ${i}</title></head><body><article><p>${STORY.repeat(10)}</p></article></body></html>`);
  }
  for (const n of [1e20, -1, 0, 2 ** 53, Number.MAX_SAFE_INTEGER]) add("dates", `date-number-${String(n).replace(/\W/g, "_")}.json`, JSON.stringify({ published: n, text: STORY.repeat(10) }));

  // Pages that are not articles at all.
  const pages: [string, string][] = [
    ["empty.html", ""], ["whitespace.html", " \n\t ".repeat(1000)], ["only-comment.html", "<!-- nothing -->"], ["only-script.html", `<script>${fill("var a=1;", 100_000)}</script>`],
    ["only-title.html", "<title>Headline</title>"], ["frameset.html", '<frameset><frame src="a.html"></frameset>'], ["svg-text.html", `<svg><text>${STORY}</text></svg>`],
    ["data-uri-images.html", `<html><body><p>${STORY.repeat(5)}</p>${`<img src="data:image/png;base64,${fill("A", 200_000)}">`.repeat(10)}</body></html>`],
    ["meta-refresh.html", '<meta http-equiv="refresh" content="0;url=https://evil.example/">'], ["cdata.html", `<![CDATA[${STORY.repeat(10)}]]>`],
    ["script-in-fields.html", `<html><head><title><script>alert(1)</script>Title</title><meta name="author" content="<img src=x onerror=alert(1)>"></head><body><article><p>${STORY.repeat(10)}</p></article></body></html>`],
  ];
  for (const [name, text] of pages) add("not-article", name, text);

  // Text that is odd in its characters rather than its size.
  add("text", "bidi-overrides.txt", fill(`\u202e${STORY}\u202c `, 50_000));
  add("text", "zero-width.txt", [...STORY.repeat(200)].join("\u200b"));
  add("text", "combining-marks.txt", fill("a\u0301\u0302\u0303\u0304\u0305\u0306 ", ONE_MB));
  add("text", "private-use.txt", fill("\ue000\uf8ff ", 100_000));
  add("page", "unclosed-attribute-quote.html", `<html><body><p class="${fill("a", ONE_MB)}`);
  add("page", "many-forms.html", `<html><body>${fill('<form><input name="q"></form>', ONE_MB)}<p>${STORY}</p></body></html>`);
  add("page", "nested-iframes.html", `<html><body>${fill('<iframe srcdoc="<p>x</p>">', ONE_MB)}</body></html>`);
  return out;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}
