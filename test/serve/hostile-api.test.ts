/**
 * What a client sends never makes the API fail (issue 19, items 1, 4 and 5): fuzzed path parameters, queries and
 * bodies answer 4xx naming what is wrong, never 5xx; a request whose record holds NUL stores every other record;
 * without a token, writes from another origin or site and requests naming another host are refused; the API says
 * nosniff and the 404 page carries the pages' CSP. In process (`app.request`) over an in-memory PGlite, plus one real
 * socket for the Host checks, which need one.
 */
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { createApp } from "../../src/serve/http/app.js";
import { openStore } from "../../src/store/index.js";
import type { Store } from "../../src/store/types.js";

const NO_WEB_APP = "/nonexistent/triangulate-web/";
const TEXT = "The city council voted on Tuesday to close the old bridge after engineers found cracks in two of its supports. " +
  "The mayor said repairs would take a year and cost about four million dollars, paid from the state's road fund. " +
  "Commuters will be sent over the northern crossing, which the transport office expects to add twenty minutes to a trip at rush hour. " +
  "Shop owners near the bridge said they feared losing customers during the works.";

let store: Store;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  store = await openStore({ dataDir: ":memory:", databaseUrl: null });
  // No network here: every URL "fails to fetch" at once, as a refused private address does.
  app = createApp(store, { token: null, webRoot: NO_WEB_APP, fetchPages: async (urls) => urls.map((url) => ({ source: url, error: "not fetched in tests" })) });
}, 120_000);
afterAll(async () => {
  await app?.jobsIdle();
  await store?.close();
});

/** Deterministic: the same requests every run (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE_SEGMENTS = [
  "%00", "a%00b", "%ED%A0%80", "%ED%B0%80", "%FF", "%", "%E0%A4%A", "%2F", "..%2F..%2Fetc%2Fpasswd", "%5C", "%0D%0ASet-Cookie:x=1",
  "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%F0%9F%98%80", "%E2%80%AE", "null", "undefined", "-1", "1e309", "x".repeat(301), "x".repeat(5000),
  "%C0%AE%C0%AE", "%uD800", "%25", "a?b", "a#b", " ", "%20", "%EF%BF%BF",
];
const HOSTILE_VALUES = ["", "%00", "-1", "0", "1.5", "NaN", "Infinity", "1e309", "99999999999999999999", "2024-13-45", "2024-02-30", "x".repeat(3000), "%ED%A0%80", "[]", "{}", "%FF"];

const JSON_BODIES: string[] = [
  "", "{", "null", "[]", "1", '"x"', "true", '{"articles":null}', '{"articles":[null]}', '{"articles":[1]}', '{"articles":"x"}',
  '{"articles":[{"text":1}]}', '{"articles":[{"text":"x","id":{}}]}', '{"articles":[{"text":"x","id":"a\\u0000"}]}', '{"articles":[{"text":"x","id":"\\ud800"}]}',
  `{"articles":[{"text":"x","id":"${"i".repeat(400)}"}]}`, '{"articles":[{"html":null}]}', '{"articles":[{"text":"x","authors":[1,{}]}]}',
  '{"urls":["javascript:alert(1)"]}', '{"urls":["http://[::127.0.0.1]/"]}', '{"urls":[1]}', '{"urls":"http://a.example/"}',
  `{"urls":[${Array.from({ length: 501 }, (_, i) => `"http://a.example/${i}"`).join(",")}]}`, `{"articles":[${"[".repeat(5000)}${"]".repeat(5000)}]}`,
  "[".repeat(100_000) + "]".repeat(100_000), '{"__proto__":{"polluted":1},"articles":[{"text":"x","__proto__":{"id":"p"}}]}',
  '{"articles":[{"text":"x","source":"' + "s".repeat(600) + '"}]}', '{"articles":[{"text":"\\u0000\\ud800","publishedAt":"\\u0000"}]}',
  '{"articles":[{"text":"x","publishedAt":"+275760-09-13T00:00:00.001Z"}]}', '{"articles":[{"text":"x","publishedAt":"-271821-04-20"}]}',
];

type Probe = { method: string; path: string; body?: BodyInit; headers?: Record<string, string> };

function probes(): Probe[] {
  const next = random(19);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const out: Probe[] = [];
  for (const segment of HOSTILE_SEGMENTS) {
    for (const route of ["/api/stories/", "/api/articles/", "/api/jobs/", "/stories/", "/articles/", "/api/", "/"]) out.push({ method: "GET", path: route + segment });
  }
  for (let i = 0; i < 120; i++) {
    const query = ["q", "outlet", "from", "to", "limit", "offset", "limit", "x"].filter(() => next() < 0.4).map((k) => `${k}=${pick(HOSTILE_VALUES)}`).join("&");
    out.push({ method: "GET", path: `/api/stories?${query}` });
  }
  for (const path of ["/api/articles", "/api/jobs"]) {
    for (const body of JSON_BODIES) out.push({ method: "POST", path, body, headers: { "content-type": "application/json" } });
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "application/json; charset=utf-16", ""]) {
      out.push({ method: "POST", path, body: '{"articles":[{"text":"x"}]}', headers: type ? { "content-type": type } : {} });
    }
  }
  const form = (parts: [string, string | Blob, string?][]) => {
    const data = new FormData();
    for (const [name, value, filename] of parts) typeof value === "string" ? data.append(name, value) : data.append(name, value, filename);
    return data;
  };
  for (const body of [
    form([]), form([["file", "not a file"]]), form([["other", new Blob(["x"]), "a.txt"]]), form([["file", new Blob([]), "empty.txt"]]),
    form([["file", new Blob([new Uint8Array([0, 1, 2, 255, 254, 0])]), "bin.txt"]]), form([["file", new Blob([`${TEXT}\u0000`]), "a\u0000b.txt"]]),
    form([["file", new Blob(['{"id":"x\\u0000","text":"y"}\n{"id":"\\ud800","text":"z"}']), "records.jsonl"]]), form([["file", new Blob(["{"]), "broken.json"]]),
  ]) out.push({ method: "POST", path: "/api/files", body });
  for (const body of ["--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc", "garbage", ""]) {
    out.push({ method: "POST", path: "/api/files", body, headers: { "content-type": "multipart/form-data; boundary=x" } });
  }
  out.push({ method: "POST", path: "/api/files", body: "x", headers: { "content-type": "multipart/form-data" } });
  // Records of random shape: every field of ArticleInput (and unknown ones) given a random value of a random type.
  const hostileString = () => pick(["", "\u0000", "\uD800", "\uDFFF\uD800", "<script>", "x".repeat(Math.floor(next() * 400)), "😀", "\u202e", "2024-02-30", "NaN", " "]);
  const value = (depth: number): unknown => {
    const r = next();
    if (r < 0.35) return hostileString();
    if (r < 0.45) return pick([0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, 0.5]);
    if (r < 0.55) return pick([null, true, false]);
    if (r < 0.75 && depth < 3) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
    if (depth < 3) return Object.fromEntries(["text", "id", "x"].map((k) => [k, value(depth + 1)]));
    return hostileString();
  };
  const FIELDS = ["text", "html", "title", "url", "outlet", "publishedAt", "authors", "id", "source", "body", "headline", "link"];
  for (let i = 0; i < 300; i++) {
    const record = Object.fromEntries(FIELDS.filter(() => next() < 0.5).map((f) => [f, value(0)]));
    const body = next() < 0.8 ? { articles: [record] } : { articles: [record], urls: [value(1)] };
    out.push({ method: "POST", path: next() < 0.7 ? "/api/articles" : "/api/jobs", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
  }
  for (const method of ["PUT", "DELETE", "PATCH", "OPTIONS"]) for (const path of ["/api/articles", "/api/stories/x", "/"]) out.push({ method, path });
  return out;
}

describe("fuzzed requests", () => {
  test("every request answers below 500; every API refusal is JSON naming what is wrong", { timeout: 300_000 }, async () => {
    const fiveHundreds: string[] = [];
    const list = probes();
    for (const p of list) {
      const res = await app.request(p.path, { method: p.method, body: p.body, headers: p.headers });
      const label = `${p.method} ${p.path.slice(0, 80)} ${String(typeof p.body === "string" ? p.body.slice(0, 60) : p.body ? "form" : "")}`;
      if (res.status >= 500) fiveHundreds.push(`${res.status} ${label}: ${await res.text()}`);
      else if (p.path.startsWith("/api/") && res.status >= 400) {
        const body = (await res.json()) as { error?: unknown; stored?: number; failures?: unknown[]; skipped?: unknown[] };
        // 422: nothing could be read, and the failures and skips name each input.
        if (res.status === 422) expect(body.stored === 0 && (body.failures?.length ?? 0) + (body.skipped?.length ?? 0) > 0, label).toBe(true);
        else expect(typeof body.error, label).toBe("string");
        expect(res.headers.get("x-content-type-options"), label).toBe("nosniff");
      } else await res.arrayBuffer();
    }
    expect(fiveHundreds).toEqual([]);
    expect(list.length).toBeGreaterThan(700);
    await app.jobsIdle();
    expect((await app.request("/api/health")).status).toBe(200);
  });

  test.each([
    ["/api/stories/%00", "param.id: the id holds U+0000 (NUL) at character 1"],
    ["/api/articles/%00", "param.id: the id holds U+0000 (NUL) at character 1"],
    ["/api/articles/a%ED%A0%80", null],
    [`/api/articles/${"x".repeat(301)}`, "param.id"],
  ])("GET %s is a 4xx naming the parameter", async (path, message) => {
    const res = await app.request(path);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    if (message) expect(((await res.json()) as { error: string }).error).toContain(message);
  });

  test("an article id holding NUL is refused as body.articles.N.id", async () => {
    const res = await app.request("/api/articles", {
      method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ articles: [{ text: TEXT, id: "ok" }, { text: TEXT, id: "bad\u0000" }] }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/^json\.articles\.1\.id: holds U\+0000 \(NUL\) at character 4/);
  });

  test("NUL and unpaired surrogates in text are taken out, and the article is stored and readable", async () => {
    const res = await app.request("/api/articles", {
      method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ articles: [{ id: "nul-text", text: `${TEXT} \u0000Crews\uD800 began work.`, title: "Bridge\u0000 closed", outlet: "Daily\uDC00 Post" }] }),
    });
    expect(res.status).toBe(200);
    const { article } = (await (await app.request("/api/articles/nul-text")).json()) as { article: { text: string; title: string; outlet: string } };
    expect(article.text).toContain("Crews\uFFFD began");
    expect(article.text).not.toContain("\u0000");
    expect(article.title).toBe("Bridge closed");
    expect(article.outlet).toBe("Daily\uFFFD Post");
    expect((await app.request("/api/stories")).status).toBe(200);
  });

  test("a file of records with one bad id stores the others, and the job names the bad line", async () => {
    const data = new FormData();
    const lines = [{ id: "rec-1", text: TEXT }, { id: "rec\u0000-2", text: TEXT.replace("Tuesday", "Monday") }, { id: "rec-3", text: `${TEXT} Traffic was diverted.` }];
    data.append("file", new Blob([lines.map((l) => JSON.stringify(l)).join("\n")]), "batch.jsonl");
    const res = await app.request("/api/files", { method: "POST", body: data });
    expect(res.status).toBe(202);
    const { job } = (await res.json()) as { job: { id: string } };
    await app.jobsIdle();
    const done = ((await (await app.request(`/api/jobs/${job.id}`)).json()) as { job: { state: string; stored: number; failures: { source: string; error: string }[] } }).job;
    expect(done.state).toBe("done");
    expect(done, JSON.stringify(done)).toMatchObject({ stored: 2 });
    // Named by the records reader or by the pipeline's edge, whichever sees it first.
    expect(done.failures).toEqual([{ source: "batch.jsonl:2", error: expect.stringMatching(/"id" holds (U\+0000 \(NUL\)|a NUL character)/) }]);
  });
});

describe("cross-site writes without a token", () => {
  const write = (headers: Record<string, string>) =>
    app.request("/api/articles", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ articles: [{ text: TEXT, id: "xsite" }] }) });

  test.each([
    [{ origin: "http://attacker.example" }, /another origin \(Origin: http:\/\/attacker\.example\)/],
    [{ origin: "null" }, /another origin/],
    [{ origin: "http://localhost:9999", host: "localhost:8787" }, /another origin/],
    [{ "sec-fetch-site": "cross-site" }, /another site/],
    [{ "sec-fetch-site": "same-site", origin: "http://localhost" }, /another site/],
  ])("a write with %o is refused with 403", async (headers, message) => {
    const res = await write(headers);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
    expect(await store.loadBundles(["xsite"])).toEqual([]);
  });

  test("the server's own pages (same origin) and programs without browser headers may write", async () => {
    expect((await write({ origin: "http://localhost", "sec-fetch-site": "same-origin" })).status).toBe(200);
    expect((await write({})).status).toBe(200);
  });

  test("with a token, a write is judged by the token alone, as before", async () => {
    const guarded = createApp(store, { token: "t0ken", webRoot: NO_WEB_APP });
    const res = await guarded.request("/api/articles", {
      method: "POST", headers: { "content-type": "application/json", authorization: "Bearer t0ken", origin: "http://elsewhere.example" },
      body: JSON.stringify({ articles: [{ text: TEXT, id: "with-token" }] }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
  });
});

describe("over a socket", () => {
  let server: ServerType;
  let port: number;
  beforeAll(async () => {
    const served = createApp(store, { token: null, webRoot: NO_WEB_APP, hostNames: ["news.lan"] });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: served.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  /** node's fetch will not send another Host; http.request does. */
  const get = async (path: string, host: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> => {
    const http = await import("node:http");
    return new Promise((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, path, headers: { host } }, (res) => {
        let body = "";
        res.setEncoding("utf8").on("data", (chunk: string) => (body += chunk)).on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      });
      req.on("error", reject).end();
    });
  };

  test.each(["rebound.attacker.example", "localhost.attacker.example", "127.0.0.1.nip.io", "news.lan.evil"])("a request naming %s (DNS rebinding) is refused, reads included", async (name) => {
    const res = await get("/api/stories", `${name}:${port}`);
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error).toMatch(/does not name this server/);
  });

  test("a request naming the right host on another port is refused", async () => {
    expect((await get("/api/health", `127.0.0.1:${port + 1}`)).status).toBe(403);
  });

  test.each(["127.0.0.1", "localhost", "LOCALHOST", "[::1]", "news.lan", "app.localhost"])("a request naming %s is served", async (name) => {
    expect((await get("/api/health", `${name}:${port}`)).status).toBe(200);
  });

  /** Raw bytes on a socket: what the first status line says, or "closed" when the server hung up without one. */
  const raw = async (request: string): Promise<string> => {
    const net = await import("node:net");
    return new Promise((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      let reply = "";
      socket.setTimeout(10_000, () => socket.destroy());
      socket.on("data", (chunk) => (reply += chunk.toString("latin1")));
      socket.on("close", () => resolve(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1] ?? "closed"));
      socket.on("error", () => undefined);
      socket.end(request);
    });
  };

  test("malformed HTTP is refused below 500 or hung up on, and the server stays up", async () => {
    const host = `Host: 127.0.0.1:${port}\r\n`;
    const requests = [
      "GARBAGE\r\n\r\n", `GET /${"a".repeat(20_000)} HTTP/1.1\r\n${host}\r\n`, `GET /api/health HTTP/1.1\r\n${host}X-Bad: a\u0000b\r\n\r\n`,
      `POST /api/articles HTTP/1.1\r\n${host}Content-Type: application/json\r\nContent-Length: -1\r\n\r\n{}`,
      `POST /api/articles HTTP/1.1\r\n${host}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n`,
      `POST /api/articles HTTP/1.1\r\n${host}Content-Type: application/json\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\n{"a":1}`,
      `GET /api/stories/%00 HTTP/1.1\r\n${host}\r\n`, `GET /api/health HTTP/1.1\r\n\r\n`,
    ];
    // A client's malformed request is no server fault: nothing is logged as one.
    const faults = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      for (const request of requests) {
        const status = await raw(request);
        expect(status === "closed" || Number(status) < 500, `${JSON.stringify(request.slice(0, 60))} → ${status}`).toBe(true);
      }
      expect(faults.mock.calls.map((call) => String(call[0]))).toEqual([]);
    } finally {
      faults.mockRestore();
    }
    expect((await get("/api/health", `127.0.0.1:${port}`)).status).toBe(200);
  });

  test("the 404 page has the pages' CSP and nosniff", async () => {
    const res = await get("/no/such/page", `127.0.0.1:${port}`);
    expect(res.status).toBe(404);
    expect(String(res.headers["content-security-policy"])).toMatch(/default-src 'none'/);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });
});
