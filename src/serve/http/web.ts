/**
 * The web pages: the single-page app Vite builds into dist/web (web/ in the source), served with a
 * Content-Security-Policy that lets the page load only its own scripts, styles and data. Without a build (a
 * checkout where `npm run build:web` has not run) the server-rendered pages stand in, with no scripts at all.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { notFoundPage } from "./pages.js";
import type { OutletInfo } from "../../report/outlet-info.js";
import { outletsFromEnv } from "./outlet-file.js";

/**
 * The build's dist/web/, whether this module runs built (dist/src/serve/http/ → dist/web/) or from source under
 * vitest (src/serve/http/ → dist/web/ beside it; web/ there is the app's source, not something to serve).
 */
export const WEB_ROOT = (() => {
  const up = fileURLToPath(new URL("../../../", import.meta.url));
  return basename(up) === "dist" ? join(up, "web/") : join(up, "dist", "web/");
})();

/** The app's policy: nothing from elsewhere, no inline script, no plugins, no framing. */
export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
/** The fallback pages have one inline stylesheet and no script. */
const FALLBACK_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const PAGE_ROUTES = ["/", "/stories/:id", "/articles/:id", "/add"];

export interface FallbackPages {
  stories: () => Promise<string>;
  story: (id: string) => Promise<string | null>;
}

export function servePages(app: OpenAPIHono, { fallback, root = WEB_ROOT, outlets = outletsFromEnv() }: { fallback: FallbackPages; root?: string; outlets?: readonly OutletInfo[] }): void {
  const index = `${root}index.html`;
  if (existsSync(index)) {
    const html = withOutlets(readFileSync(index, "utf8"), outlets);
    app.use("/assets/*", async (c, next) => {
      await next();
      c.header("Content-Security-Policy", APP_CSP);
      c.header("X-Content-Type-Options", "nosniff");
    });
    app.use("/assets/*", serveStatic({ root }));
    for (const route of PAGE_ROUTES) app.get(route, (c) => page(c, html, APP_CSP));
    return;
  }
  app.get("/", async (c) => page(c, await fallback.stories(), FALLBACK_CSP));
  app.get("/stories/:id", async (c) => {
    const html = await fallback.story(c.req.param("id"));
    return html ? page(c, html, FALLBACK_CSP) : page(c, notFoundPage(c.req.param("id")), FALLBACK_CSP, 404);
  });
}

/** A server-rendered page (no script) with the same headers as every other page: the 404 page, whatever the build. */
export function htmlPage(c: Context, html: string, status: 200 | 404 = 200) {
  return page(c, html, FALLBACK_CSP, status);
}

/**
 * The outlets reach the app as a <meta> in its page: data, not script, so the CSP (no inline script) holds, and
 * escaped as an attribute value, so no outlet name can become markup.
 */
export function withOutlets(html: string, outlets: readonly OutletInfo[]): string {
  if (!outlets.length) return html;
  const json = JSON.stringify(outlets).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return html.replace("</head>", `<meta name="triangulate-outlets" content="${json}"></head>`);
}

function page(c: Context, html: string, csp: string, status: 200 | 404 = 200) {
  c.header("Content-Security-Policy", csp);
  c.header("X-Content-Type-Options", "nosniff");
  c.header("Referrer-Policy", "no-referrer");
  return c.html(html, status);
}
