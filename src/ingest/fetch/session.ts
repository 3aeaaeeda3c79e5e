/**
 * What one fetch run shares across its URLs: the undici Agent (whose connections pass the address guard), the
 * per-host limits, and robots.txt per origin, fetched once. `get` is one request with politeness and retries.
 */
import { Agent } from "undici";
import { guardedLookup } from "./address-policy.js";
import { HostLimits } from "./host-limits.js";
import { ACCEPT_ENCODING, httpGet, isHttpFailure, type HttpFailure, type HttpResponse } from "./http-get.js";
import { backoffMs, isRetryableStatus, parseRetryAfter, sleep } from "./retry.js";
import { crawlDelayMs, MAX_ROBOTS_BYTES, robotsFromResponse, robotsUrl, type RobotsRules } from "./robots.js";
import { ROBOTS_AGENT, type ResolvedOptions } from "./fetch-options.js";

export interface Session {
  /** GET with the host's spacing and slot, retried on network errors, 5xx and 429 (Retry-After honoured). */
  get(url: URL, headers: Record<string, string>, readBody: (status: number) => boolean, maxBytes: number): Promise<HttpResponse | HttpFailure>;
  /** The robots rules for the URL's origin; a failure when the host cannot be reached at all. */
  robots(url: URL, follow: (url: URL) => Promise<HttpResponse | HttpFailure>): Promise<RobotsRules | HttpFailure>;
  close(): Promise<void>;
}

export function createSession(o: ResolvedOptions): Session {
  const agent = new Agent({
    connect: { timeout: o.connectTimeoutMs, lookup: guardedLookup(o, o.resolve) },
    headersTimeout: o.headersTimeoutMs,
    bodyTimeout: o.bodyTimeoutMs,
  });
  const hosts = new HostLimits(o.perHostConcurrency);
  const robotsByOrigin = new Map<string, Promise<RobotsRules | HttpFailure>>();
  const delayFor = new Map<string, number>(); // hostname → crawl delay learnt from its robots.txt

  async function get(url: URL, headers: Record<string, string>, readBody: (status: number) => boolean, maxBytes: number) {
    const host = url.hostname;
    for (let attempt = 0; ; attempt++) {
      const release = await hosts.acquire(host, Math.max(o.minDelayMs, delayFor.get(host) ?? 0));
      const res = await httpGet(url.href, {
        dispatcher: agent,
        headers: { "user-agent": o.userAgent, accept: "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1", "accept-encoding": ACCEPT_ENCODING, ...headers },
        headersTimeoutMs: o.headersTimeoutMs,
        totalTimeoutMs: o.bodyTimeoutMs,
        maxBytes,
        readBody,
      }).finally(release);
      const lastTry = attempt >= o.retries;
      if (isHttpFailure(res)) {
        if (!res.retryable || lastTry) return lastTry && attempt > 0 ? { ...res, error: `${res.error} (after ${attempt + 1} tries)` } : res;
        await sleep(backoffMs(attempt, o.retryBaseMs));
        continue;
      }
      if (!isRetryableStatus(res.status) || lastTry) return res;
      const retryAfter = res.status === 429 || res.status === 503 ? parseRetryAfter(res.headers["retry-after"], Date.now()) : null;
      if (retryAfter !== null && retryAfter > o.maxRetryAfterMs) {
        return { error: `HTTP ${res.status}: the server asks us to wait ${Math.ceil(retryAfter / 1000)} s (Retry-After), over our ${Math.round(o.maxRetryAfterMs / 1000)} s cap: try again later`, retryable: false };
      }
      if (retryAfter !== null) hosts.pause(host, retryAfter);
      await sleep(retryAfter ?? backoffMs(attempt, o.retryBaseMs));
    }
  }

  function robots(url: URL, follow: (url: URL) => Promise<HttpResponse | HttpFailure>) {
    let rules = robotsByOrigin.get(url.origin);
    if (!rules) {
      rules = loadRobots(new URL(robotsUrl(url)), follow).then((r) => {
        if (!isHttpFailure(r)) delayFor.set(url.hostname, Math.max(delayFor.get(url.hostname) ?? 0, crawlDelayMs(r)));
        return r;
      });
      robotsByOrigin.set(url.origin, rules);
    }
    return rules;
  }

  return { get, robots, close: () => agent.close() };
}

async function loadRobots(url: URL, follow: (url: URL) => Promise<HttpResponse | HttpFailure>): Promise<RobotsRules | HttpFailure> {
  const res = await follow(url);
  if (isHttpFailure(res)) {
    // A host we cannot reach, or may not reach, is that URL's failure; a robots.txt that times out or is too big
    // means we do not know the rules, so we keep off.
    if (!res.timedOut && !res.error.startsWith("too large")) return res;
    return { kind: "disallow-all", reason: `robots.txt could not be read (${res.error})` };
  }
  const text = new TextDecoder().decode(res.body.subarray(0, MAX_ROBOTS_BYTES));
  return robotsFromResponse(url.href, res.status, text, ROBOTS_AGENT);
}
