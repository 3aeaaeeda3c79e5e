/**
 * Who may write. With TRIANGULATE_TOKEN set, a write needs `Authorization: Bearer <token>` (compared in constant
 * time). Without one, writes are taken only from loopback clients: the default server listens on 127.0.0.1, and a
 * server opened to the network without a token must not let anyone on it add articles. Reads are open.
 */
import { timingSafeEqual } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

export function writeAccess(token: string | null): MiddlewareHandler {
  return async (c, next) => {
    if (token) {
      const given = /^Bearer\s+(.+)$/i.exec(c.req.header("authorization") ?? "")?.[1]?.trim() ?? "";
      if (!sameSecret(given, token)) {
        throw new HTTPException(401, { message: given ? "the token is wrong" : "this server needs a token for writes: send Authorization: Bearer <TRIANGULATE_TOKEN>" });
      }
    } else if (!fromLoopback(c)) {
      throw new HTTPException(401, { message: "writes from other machines need a token: start the server with TRIANGULATE_TOKEN set" });
    }
    await next();
  };
}

function sameSecret(given: string, expected: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A request handled in-process (`app.request` in tests) has no socket: it comes from this process. */
function fromLoopback(c: Context): boolean {
  if (!(c.env as { incoming?: unknown } | undefined)?.incoming) return true;
  const address = getConnInfo(c).remote.address ?? "";
  return LOOPBACK.test(address);
}
