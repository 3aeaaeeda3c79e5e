/**
 * `triangulate serve` with `--outlets FILE`: the user's outlet file (lean, country, owner) is checked here, its bad
 * rows named once, and handed to the server's pages through TRIANGULATE_OUTLETS (read by src/serve/http/web.ts at
 * its edge), so serve.ts and the app need no new option.
 */
import { resolve } from "node:path";
import { defineCommand } from "citty";
import { serve } from "./serve.js";
import { outletArgs, outletsFrom } from "./common.js";

export const serveWithOutlets = defineCommand({
  meta: serve.meta,
  // serve.ts defines its args as a plain object (citty allows a function too).
  args: { ...(serve.args as object), ...outletArgs } as typeof outletArgs,
  async run(context) {
    const file = typeof context.args.outlets === "string" && context.args.outlets ? context.args.outlets : process.env.TRIANGULATE_OUTLETS;
    if (file) {
      await outletsFrom({ outlets: file });
      process.env.TRIANGULATE_OUTLETS = resolve(file);
    }
    return serve.run!(context as never);
  },
});
