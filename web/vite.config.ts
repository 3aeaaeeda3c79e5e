/**
 * The web UI: a single-page app built into dist/web, which `triangulate serve` serves (assets under /assets/,
 * index.html for the page routes). `npx vite --config web/vite.config.ts` runs it against a server on :8787.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  build: {
    outDir: "../dist/web",
    emptyOutDir: true,
    // The CSP allows only same-origin scripts: no inline preload helper.
    modulePreload: { polyfill: false },
  },
  server: { proxy: { "/api": "http://127.0.0.1:8787" } },
});
