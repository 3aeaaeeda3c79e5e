import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { InputFailure, RawDocument } from "../../records.js";
import { createMemoryCache } from "./cache.js";
import { fetchDocuments } from "./fetch-documents.js";
import { USER_AGENT, type FetchOptions } from "./fetch-options.js";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A throwaway server on 127.0.0.1: `routes` by path; robots.txt 404s unless a route gives one. */
async function startServer(routes: Record<string, Handler>): Promise<{ base: string; hits: IncomingMessage[]; close: () => void }> {
  const hits: IncomingMessage[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req);
    const path = req.url!.split("?")[0]!;
    const route = routes[path] ?? Object.entries(routes).find(([p]) => p.endsWith("*") && path.startsWith(p.slice(0, -1)))?.[1];
    if (route) route(req, res);
    else res.writeHead(404).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, hits, close: () => (server.closeAllConnections(), server.close()) };
}

const page = (body: string | Buffer, type = "text/html; charset=utf-8", extra: Record<string, string> = {}): Handler => (_req, res) =>
  res.writeHead(200, { "content-type": type, ...extra }).end(body);
const redirect = (to: string, status = 302): Handler => (_req, res) => res.writeHead(status, { location: to }).end();

/** Small numbers so that the whole file runs in seconds; 127.0.0.1 let through the address guard. */
const FAST: FetchOptions = { allowHosts: ["127.0.0.1"], minDelayMs: 0, retryBaseMs: 10, headersTimeoutMs: 1000, bodyTimeoutMs: 3000 };
const fetchOne = async (url: string, options: FetchOptions = {}) => (await fetchDocuments([url], { ...FAST, ...options }))[0]!;
const asDoc = (r: RawDocument | InputFailure) => {
  if ("error" in r) throw new Error(`expected a document, got: ${r.error}`);
  return r;
};
const asFailure = (r: RawDocument | InputFailure) => {
  if (!("error" in r)) throw new Error(`expected a failure, got a ${r.format} document`);
  return r;
};

describe("fetchDocuments", () => {
  let s: Awaited<ReturnType<typeof startServer>>;
  let retryCount = 0;
  let flakyCount = 0;
  const CP1252 = Buffer.from([0x93, 0x4e, 0x6f, 0x94, 0x20, 0x80, 0x35]); // “No” €5

  beforeAll(async () => {
    s = await startServer({
      "/robots.txt": page("User-agent: *\nDisallow: /private/\n", "text/plain"),
      "/article": page("<!doctype html><title>T</title><p>Body text.</p>"),
      "/notes.txt": page("Plain text article.", "text/plain"),
      "/story.json": page("<html><p>HTML despite the name</p></html>"),
      "/paper.pdf": page("%PDF-1.4", "application/pdf"),
      "/private/secret": page("<p>secret</p>"),
      "/r1": redirect("/r2", 301),
      "/r2": redirect("/r3", 307),
      "/r3": redirect("/article"),
      "/to-metadata": redirect("http://169.254.169.254/latest/meta-data/"),
      "/to-intranet": redirect("http://10.0.0.1/admin"),
      "/to-file": redirect("file:///etc/passwd"),
      "/loop/*": (req, res) => res.writeHead(302, { location: `/loop/${Number(req.url!.split("/")[2]) + 1}` }).end(),
      "/slow": (_req, res) => void setTimeout(() => res.writeHead(200).end("late"), 2000),
      "/endless": (_req, res) => {
        res.writeHead(200, { "content-type": "text/plain" });
        const chunk = Buffer.alloc(64 * 1024, "a");
        const pump = () => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once("drain", pump);
        };
        pump();
      },
      "/huge": (_req, res) => res.writeHead(200, { "content-type": "text/html", "content-length": String(10 * 1024 ** 3) }).write("<p>"),
      "/busy": (_req, res) => {
        if (retryCount++ === 0) res.writeHead(429, { "retry-after": "1" }).end();
        else page("<p>after the wait</p>")(_req, res);
      },
      "/very-busy": (_req, res) => res.writeHead(503, { "retry-after": "3600" }).end(),
      "/flaky": (_req, res) => {
        if (flakyCount++ === 0) res.writeHead(500).end();
        else page("<p>second try</p>")(_req, res);
      },
      "/broken": (_req, res) => res.writeHead(500).end(),
      "/cp1252": page(CP1252, "text/plain; charset=windows-1252"),
      "/lying-utf8": page(CP1252, "text/plain; charset=utf-8"),
      "/koi8": page(Buffer.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]), "text/plain; charset=koi8-r"), // Привет
      "/sitemap.xml.gz": page(gzipSync("<?xml version='1.0'?><urlset><url><loc>/a</loc></url></urlset>"), "application/x-gzip"),
      "/page.gz": page(gzipSync("<!doctype html><title>T</title><p>Gzipped page.</p>"), "application/octet-stream"),
      "/mislabelled.xml.gz": page(gzipSync("<urlset><url><loc>/b</loc></url></urlset>"), "text/xml"),
      "/encoded/gzip": page(gzipSync("<p>gzip-encoded page</p>"), "text/html", { "content-encoding": "gzip" }),
      "/encoded/br": page(brotliCompressSync("<p>br-encoded page</p>"), "text/html", { "content-encoding": "br" }),
      "/encoded/deflate": page(deflateSync("<p>deflate-encoded page</p>"), "text/html", { "content-encoding": "deflate" }),
      "/encoded/zstd": page("(\x28\xb5\x2f\xfd)", "text/html", { "content-encoding": "zstd" }),
      "/encoded/bomb": page(gzipSync(Buffer.alloc(4 * 1024 * 1024, "a")), "text/html", { "content-encoding": "gzip" }),
      "/encoded/corrupt": page(Buffer.concat([gzipSync("<p>x</p>").subarray(0, 10), Buffer.from("garbage that is not deflate")]), "text/html", { "content-encoding": "gzip" }),
      "/bomb.gz": page(gzipSync(Buffer.alloc(4 * 1024 * 1024, "a")), "application/gzip"),
      "/cut.gz": page(gzipSync("<p>cut short</p>".repeat(100)).subarray(0, 40), "application/gzip"),
      "/cached": (req, res) => {
        if (req.headers["if-none-match"] === '"v1"') res.writeHead(304, { etag: '"v1"' }).end();
        else page("<p>cached body</p>", "text/html", { etag: '"v1"' })(req, res);
      },
    });
  });
  afterAll(() => s.close());

  test("an HTML page and a text page, robots.txt read once, our user agent sent", async () => {
    const [html, text] = await fetchDocuments([`${s.base}/article`, `${s.base}/notes.txt`], FAST);
    expect(asDoc(html!)).toMatchObject({ source: `${s.base}/article`, format: "html", body: expect.stringContaining("Body text."), hints: { url: `${s.base}/article` } });
    expect(Date.parse(asDoc(html!).fetchedAt)).not.toBeNaN();
    expect(asDoc(text!)).toMatchObject({ format: "text", body: "Plain text article." });
    const robots = s.hits.filter((h) => h.url === "/robots.txt");
    expect(robots.length).toBe(1);
    expect(s.hits.every((h) => h.headers["user-agent"] === USER_AGENT)).toBe(true);
    expect(USER_AGENT).toMatch(/^Triangulate\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/triangulate; news comparison\)$/);
  });

  test("Content-Type decides the format, not the URL's extension; others are not articles", async () => {
    expect(asDoc(await fetchOne(`${s.base}/story.json`)).format).toBe("html");
    expect(asFailure(await fetchOne(`${s.base}/paper.pdf`)).error).toMatch(/^not an article: application\/pdf/);
    expect(asFailure(await fetchOne(`${s.base}/nothing-here`)).error).toMatch(/HTTP 404/);
  });

  test("a redirect chain is followed; source stays the URL given, hints.url is where it ended", async () => {
    const doc = asDoc(await fetchOne(`${s.base}/r1`));
    expect(doc.source).toBe(`${s.base}/r1`);
    expect(doc.hints.url).toBe(`${s.base}/article`);
  });

  test("a redirect to a private, link-local or file: address is refused even with 127.0.0.1 allowed", async () => {
    const [metadata, intranet, file] = await fetchDocuments([`${s.base}/to-metadata`, `${s.base}/to-intranet`, `${s.base}/to-file`], FAST);
    expect(asFailure(metadata!).error).toMatch(/redirected to http:\/\/169\.254\.169\.254\/.*linkLocal address/);
    expect(asFailure(intranet!).error).toMatch(/redirected to http:\/\/10\.0\.0\.1\/admin.*private address/);
    expect(asFailure(file!).error).toMatch(/file: URLs are not fetched/);
  });

  test("too many redirects", async () => {
    expect(asFailure(await fetchOne(`${s.base}/loop/0`, { maxRedirects: 3 })).error).toMatch(/too many redirects \(more than 3\)/);
  });

  test("slow headers time out", async () => {
    const started = Date.now();
    expect(asFailure(await fetchOne(`${s.base}/slow`, { headersTimeoutMs: 200, retries: 0 })).error).toBe("no response within 0.2 s");
    expect(Date.now() - started).toBeLessThan(1500);
  });

  test("an endless body stops at the size cap; a huge Content-Length is refused before reading", async () => {
    expect(asFailure(await fetchOne(`${s.base}/endless`, { maxInputBytes: 1024 * 1024 })).error).toBe("too large: over 1 MB, stopped reading");
    expect(asFailure(await fetchOne(`${s.base}/huge`)).error).toBe("too large: 10240 MB declared, the limit is 20 MB");
  });

  test("compressed bodies (Content-Encoding gzip, br, deflate) are asked for and decoded, the cap counted on the decoded bytes", async () => {
    for (const encoding of ["gzip", "br", "deflate"]) expect(asDoc(await fetchOne(`${s.base}/encoded/${encoding}`)).body).toBe(`<p>${encoding}-encoded page</p>`);
    expect(s.hits.find((h) => h.url === "/encoded/gzip")!.headers["accept-encoding"]).toBe("gzip, deflate, br");
    expect(asFailure(await fetchOne(`${s.base}/encoded/bomb`, { maxInputBytes: 1024 * 1024 })).error).toBe("too large: over 1 MB once decoded, stopped reading");
    expect(asFailure(await fetchOne(`${s.base}/encoded/zstd`)).error).toBe('the server sent the body encoded as "zstd", which we cannot decode');
    expect(asFailure(await fetchOne(`${s.base}/encoded/corrupt`, { retries: 0 })).error).toMatch(/^the body's compression is corrupt or cut short \(.+\)$/);
  });

  test("gzip files (sitemap.xml.gz) are inflated and sniffed; a bomb stops at the size cap; a cut file is named corrupt", async () => {
    const sitemap = asDoc(await fetchOne(`${s.base}/sitemap.xml.gz`, { formats: { "text/xml": "text" } }));
    expect(sitemap.body).toContain("<urlset>");
    expect(asDoc(await fetchOne(`${s.base}/page.gz`)).body).toContain("Gzipped page.");
    // Served as text/xml but gzipped: the declared type still decides the format, after inflating.
    expect(asDoc(await fetchOne(`${s.base}/mislabelled.xml.gz`, { formats: { "text/xml": "text" } })).format).toBe("text");
    expect(asFailure(await fetchOne(`${s.base}/bomb.gz`, { maxInputBytes: 1024 * 1024 })).error).toBe("too large: a gzip file over 1 MB once inflated, not read");
    expect(asFailure(await fetchOne(`${s.base}/cut.gz`)).error).toMatch(/^a gzip file that does not inflate \(.+\): the file is corrupt or cut short$/);
    // Not gzipped, an octet-stream is still no article.
    expect(asFailure(await fetchOne(`${s.base}/paper.pdf`)).error).toMatch(/^not an article/);
  });

  test("robots.txt disallow is honoured", async () => {
    expect(asFailure(await fetchOne(`${s.base}/private/secret`)).error).toMatch(/robots\.txt disallows it/);
    expect(s.hits.some((h) => h.url === "/private/secret")).toBe(false);
  });

  test("429 with Retry-After is waited for, then retried", async () => {
    const started = Date.now();
    expect(asDoc(await fetchOne(`${s.base}/busy`)).body).toContain("after the wait");
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(retryCount).toBe(2);
  });

  test("a Retry-After over the cap fails, naming the wait", async () => {
    expect(asFailure(await fetchOne(`${s.base}/very-busy`)).error).toMatch(/wait 3600 s \(Retry-After\), over our 30 s cap/);
  });

  test("500 then success is retried; 500 every time fails after the retries", async () => {
    expect(asDoc(await fetchOne(`${s.base}/flaky`)).body).toContain("second try");
    const before = s.hits.filter((h) => h.url === "/broken").length;
    expect(asFailure(await fetchOne(`${s.base}/broken`, { retries: 2 })).error).toMatch(/HTTP 500.*try later/);
    expect(s.hits.filter((h) => h.url === "/broken").length - before).toBe(3);
  });

  test("charsets: declared windows-1252, UTF-8 declared over cp1252 bytes, and a non-Latin declared charset", async () => {
    const [cp1252, lying, koi8] = await fetchDocuments([`${s.base}/cp1252`, `${s.base}/lying-utf8`, `${s.base}/koi8`], FAST);
    expect(asDoc(cp1252!).body).toBe("“No” €5");
    expect(asDoc(lying!).body).toBe("“No” €5"); // not valid UTF-8: read as the web's default, as decodeBytes does
    expect(asDoc(koi8!).body).toBe("Привет");
  });

  test("conditional request: 304 returns the cached body", async () => {
    const cache = createMemoryCache();
    const first = asDoc(await fetchOne(`${s.base}/cached`, { cache }));
    expect(cache.get(`${s.base}/cached`)).toMatchObject({ etag: '"v1"' });
    const second = asDoc(await fetchOne(`${s.base}/cached`, { cache }));
    expect(second.body).toBe(first.body);
    const last = s.hits.filter((h) => h.url === "/cached").at(-1)!;
    expect(last.headers["if-none-match"]).toBe('"v1"');
  });

  test("non-http schemes and non-URLs are refused", async () => {
    const [file, ftp, junk] = await fetchDocuments(["file:///etc/passwd", "ftp://example.com/a.html", "not a url"], FAST);
    expect(asFailure(file!)).toEqual({ source: "file:///etc/passwd", error: expect.stringMatching(/file: URLs are not fetched, only http/) });
    expect(asFailure(ftp!).error).toMatch(/ftp: URLs are not fetched/);
    expect(asFailure(junk!).error).toMatch(/not a URL/);
  });
});

describe("address guard after DNS", () => {
  const notFound = () => Promise.reject(Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" }));

  test("an unresolvable host fails clearly", async () => {
    expect(asFailure(await fetchOne("http://no-such-host.invalid/story", { resolve: notFound })).error).toBe(
      "cannot resolve host no-such-host.invalid: no such domain (check the URL)",
    );
  });

  test("a closed port fails clearly", async () => {
    const s = await startServer({});
    s.close();
    await new Promise((r) => setTimeout(r, 20));
    expect(asFailure(await fetchOne(`${s.base}/a`, { retries: 1 })).error).toMatch(/^connection refused by 127\.0\.0\.1:\d+ \(after 2 tries\)$/);
  });

  test("a name resolving to a private address is refused at connection time (DNS rebinding)", async () => {
    const rebind = async () => [{ address: "10.0.0.7", family: 4 }];
    expect(asFailure(await fetchOne("http://innocent.example/story", { resolve: rebind })).error).toMatch(/innocent\.example \(10\.0\.0\.7\) is a private address/);
  });

  test("localhost through the real resolver is refused by default, allowed when listed", async () => {
    const s = await startServer({ "/a": page("<p>local</p>") });
    const url = s.base.replace("127.0.0.1", "localhost") + "/a";
    try {
      expect(asFailure(await fetchOne(url, { allowHosts: [] })).error).toMatch(/localhost \((127\.0\.0\.1|::1)\) is a loopback address/);
      expect(asFailure(await fetchOne(`${s.base}/a`, { allowHosts: [] })).error).toMatch(/127\.0\.0\.1 is a loopback address/);
      expect(asDoc(await fetchOne(url, { allowHosts: ["localhost"] })).body).toContain("local");
    } finally {
      s.close();
    }
  });
});

describe("politeness per host", () => {
  test("per-host concurrency is never exceeded", async () => {
    let inFlight = 0;
    let peak = 0;
    const slow: Handler = (_req, res) => {
      peak = Math.max(peak, ++inFlight);
      setTimeout(() => (inFlight--, res.writeHead(200, { "content-type": "text/plain" }).end("ok")), 80);
    };
    const s = await startServer({ "/p/*": slow, "/robots.txt": slow });
    try {
      const urls = Array.from({ length: 8 }, (_, i) => `${s.base}/p/${i}`);
      const results = await fetchDocuments(urls, { ...FAST, perHostConcurrency: 2, concurrency: 8 });
      expect(results.every((r) => !("error" in r))).toBe(true);
      expect(peak).toBe(2);
    } finally {
      s.close();
    }
  });

  test("Crawl-delay spaces requests to one host", async () => {
    const starts: number[] = [];
    const s = await startServer({
      "/robots.txt": page("User-agent: *\nCrawl-delay: 0.5\n", "text/plain"),
      "/p/*": (req, res) => (starts.push(Date.now()), page("<p>x</p>")(req, res)),
    });
    try {
      await fetchDocuments([`${s.base}/p/1`, `${s.base}/p/2`, `${s.base}/p/3`], { ...FAST, perHostConcurrency: 2 });
      const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
      expect(gaps.length).toBe(2);
      // The client spaces request starts by 500 ms; the server sees arrivals, which a loaded machine can bring up to
      // ~50 ms closer (measured at load 17: 351 ms for a 400 ms delay). Without the spacing the two requests the host
      // slot allows arrive within a few ms of each other, so 300 ms still tells the two apart.
      for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(300);
    } finally {
      s.close();
    }
  });

  test("a robots.txt that fails (5xx) disallows; one that 404s allows", async () => {
    const s = await startServer({ "/robots.txt": (_req, res) => res.writeHead(503).end(), "/a": page("<p>a</p>") });
    try {
      expect(asFailure(await fetchOne(`${s.base}/a`, { retries: 0 })).error).toMatch(/robots\.txt answered HTTP 503.*keep off/);
    } finally {
      s.close();
    }
  });
});
