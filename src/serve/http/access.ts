/**
 * Who may write, and under which name the server may be reached.
 *
 * With TRIANGULATE_TOKEN set, a write needs `Authorization: Bearer <token>` (compared in constant time). Without one,
 * a write must come from this machine AND from this server's own pages: a loopback address alone proves nothing, since
 * every web page the user opens runs in a browser on this machine and can POST here (a no-cors form post needs no
 * permission). Browsers say where a request comes from (`Origin`, `Sec-Fetch-Site`) and scripts cannot forge either,
 * so a write naming another origin or site is refused; a request with neither header is not from a web page (curl,
 * the CLI, node's fetch) and is taken as before.
 *
 * Without a token, every request must also name this server in `Host`: an IP address, `localhost`, or a name it was
 * told to serve under (`--host`). A page on attacker.example whose DNS answer is switched to 127.0.0.1 (DNS
 * rebinding) becomes same-origin with the server in the browser's eyes, but its requests still say
 * `Host: attacker.example`, and are refused. With a token, as before: the token is the check.
 */
import { isIP } from "node:net";
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** `Sec-Fetch-Site` values of a request this server's own pages (or the user, typing an address) made. */
const OWN_SITE = new Set(["same-origin", "none"]);

export interface AccessOptions {
  /** TRIANGULATE_TOKEN: writes need it; null takes writes from this machine's own pages and non-browser clients. */
  token: string | null;
  /** Names besides IP addresses and localhost that `Host` may give (the `--host` the server listens on). */
  hostNames?: readonly string[];
}

/** Refuses, without a token, a request whose `Host` is not this server's (DNS rebinding). */
export function hostAccess({ token, hostNames = [] }: AccessOptions): MiddlewareHandler {
  const names = new Set(hostNames.map((n) => n.toLowerCase()));
  return async (c, next) => {
    const port = socketOf(c)?.localPort;
    // In process (`app.request` in tests) there is no socket, and no browser.
    if (!token && port !== undefined) {
      const host = c.req.header("host") ?? "";
      if (!isOwnHost(host, port, names)) {
        throw new HTTPException(403, {
          message: `the Host header "${host.slice(0, 200)}" does not name this server (an IP address, localhost or --host, port ${port}): refused, as a page reaching it by another name would be (DNS rebinding). Set TRIANGULATE_TOKEN to serve under other names.`,
        });
      }
    }
    await next();
  };
}

export function writeAccess({ token }: AccessOptions): MiddlewareHandler {
  return async (c, next) => {
    if (token) {
      const given = /^Bearer\s+(.+)$/i.exec(c.req.header("authorization") ?? "")?.[1]?.trim() ?? "";
      if (!sameSecret(given, token)) {
        throw new HTTPException(401, { message: given ? "the token is wrong" : "this server needs a token for writes: send Authorization: Bearer <TRIANGULATE_TOKEN>" });
      }
    } else if (!fromLoopback(c)) {
      throw new HTTPException(401, { message: "writes from other machines need a token: start the server with TRIANGULATE_TOKEN set" });
    } else {
      const refusal = crossSiteRefusal(c);
      if (refusal) throw new HTTPException(403, { message: `${refusal}: without TRIANGULATE_TOKEN this server takes writes only from its own pages and from programs on this machine` });
    }
    await next();
  };
}

/** Why a browser's request did not come from this server's own pages, or null when it did (or is no browser's). */
function crossSiteRefusal(c: Context): string | null {
  const site = c.req.header("sec-fetch-site");
  if (site !== undefined && !OWN_SITE.has(site.toLowerCase())) return `a write from another site (Sec-Fetch-Site: ${site.slice(0, 50)})`;
  const origin = c.req.header("origin");
  if (origin === undefined) return null;
  // The URL's host is the Host header over a socket (node-server builds it from that), and the request's own in process.
  const host = new URL(c.req.url).host;
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    // "null" (a sandboxed frame, a file:// page) or garbage: no origin of ours
  }
  return originHost !== null && originHost.toLowerCase() === host.toLowerCase() ? null : `a write from another origin (Origin: ${origin.slice(0, 200)})`;
}

/** `Host` names this server: the port it listens on, and an IP address, localhost (RFC 6761: never rebound), or a given name. */
function isOwnHost(host: string, port: number, names: ReadonlySet<string>): boolean {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(host);
  if (!match) return false;
  const [, name = "", givenPort] = match;
  if (Number(givenPort ?? 80) !== port) return false;
  const bare = name.replace(/^\[|\]$/g, "").toLowerCase().replace(/\.$/, "");
  return isIP(bare) !== 0 || bare === "localhost" || bare.endsWith(".localhost") || names.has(bare);
}

function sameSecret(given: string, expected: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

function socketOf(c: Context): IncomingMessage["socket"] | undefined {
  return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket;
}

/** A request handled in-process (`app.request` in tests) has no socket: it comes from this process. */
function fromLoopback(c: Context): boolean {
  if (!socketOf(c)) return true;
  const address = getConnInfo(c).remote.address ?? "";
  return LOOPBACK.test(address);
}
