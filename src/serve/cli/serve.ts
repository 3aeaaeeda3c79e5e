import { defineCommand } from "citty";
import { closeOnExit, openStore } from "../../store/index.js";
import { configFrom, storeArgs } from "./common.js";
import { UsageError } from "./output.js";

export const serve = defineCommand({
  meta: { name: "serve", description: "Serve the HTTP API and web pages over the database, on 127.0.0.1" },
  args: {
    ...storeArgs,
    port: { type: "string", default: "8787", description: "Port (0 picks a free one)" },
    host: { type: "string", default: "127.0.0.1", description: "Address to listen on" },
  },
  async run({ args }) {
    const port = Number(args.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${args.port}"`);
    const config = configFrom(args);
    // The server and the app's routes load here, not at start-up: `serve --help` needs none of it.
    const [{ serve: serveNode }, { createApp }] = await Promise.all([import("@hono/node-server"), import("../http/app.js")]);
    const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
    // Ctrl-C or SIGTERM closes the database and exits (closeOnExit); open keep-alive connections do not hold it up.
    closeOnExit(store);
    const token = process.env.TRIANGULATE_TOKEN || null;
    serveNode({ fetch: createApp(store, { maxArticleChars: config.maxArticleChars, token, hostNames: [args.host] }).fetch, port, hostname: args.host }, (info) => {
      process.stdout.write(`triangulate: serving ${store.location} on http://${args.host}:${info.port}/  (Ctrl-C to stop)\n`);
      process.stdout.write(token
        ? "triangulate: writes need the token in TRIANGULATE_TOKEN (Authorization: Bearer …)\n"
        : "triangulate: writes are taken from this machine only, and from a browser only from these pages; set TRIANGULATE_TOKEN to take them from others\n");
    });
  },
});
