/**
 * `triangulate <command>`: the one place that catches. Usage mistakes print the usage and exit 1; a failed
 * input is reported by the command itself (exit 2, the rest processed); anything else is a bug or an
 * environment fault, printed with its cause, exit 1. Sets process.exitCode and returns; main.ts is the binary.
 *
 * Only the command in hand is loaded: `triangulate --help` loads no command module, and each command's
 * module loads its stages inside `run` (see commands.ts), so help and usage errors answer at once.
 */
import { type CommandDef, defineCommand, renderUsage, runCommand } from "citty";
import { GENERATOR } from "../../version.js";
import { colorFor, UsageError } from "./output.js";

/** citty colours its usage text whatever the output is: plain unless colour is wanted (a terminal, FORCE_COLOR). */
const ANSI_SGR = /\u001b\[[0-9;]*m/g;
const plainUnlessColor = (text: string): string => (colorFor(process.stdout) ? text : text.replace(ANSI_SGR, ""));

type AnyCommand = CommandDef<never>;

/** Name → description (what `triangulate --help` lists) and how to load the command. */
export const COMMANDS: Record<string, { description: string; load: () => Promise<AnyCommand> }> = {
  analyze: { description: "Extract, analyze, group and compare articles; print what is established", load: async () => (await import("./commands.js")).analyze as AnyCommand },
  extract: { description: "Extraction only: clean text and metadata, one JSON object per input per line", load: async () => (await import("./commands.js")).extract as AnyCommand },
  cluster: { description: "Grouping only: which articles report the same event", load: async () => (await import("./commands.js")).cluster as AnyCommand },
  ingest: { description: "Store articles and update the stories in the database", load: async () => (await import("./commands.js")).ingest as AnyCommand },
  stories: { description: "List the stored stories", load: async () => (await import("./commands.js")).stories as AnyCommand },
  show: { description: "Show one stored story: brief, claims, framing, timeline", load: async () => (await import("./commands.js")).show as AnyCommand },
  serve: { description: "Serve the HTTP API and web pages over the database, on 127.0.0.1", load: async () => (await import("./serve-outlets.js")).serveWithOutlets as AnyCommand },
  watch: { description: "Follow RSS/Atom/JSON feeds or sitemaps: poll them, add new articles, update the stories", load: async () => (await import("./watch.js")).watch as AnyCommand },
  worker: { description: "Take ingestion jobs from the PostgreSQL queue (DATABASE_URL) and store their articles", load: async () => (await import("./worker.js")).worker as AnyCommand },
};

/** The command list for `--help`: names and descriptions only, so listing them loads none. */
const listed = Object.fromEntries(Object.entries(COMMANDS).map(([name, c]) => [name, defineCommand({ meta: { name, description: c.description } })]));
const meta = { name: "triangulate", version: GENERATOR.version, description: "What is actually established about a developing news story" };

export async function runCli(argv: readonly string[]): Promise<void> {
  const main = defineCommand({ meta, subCommands: listed });
  if (!argv.length || argv[0] === "--help" || argv[0] === "-h") {
    process.stdout.write(`${plainUnlessColor(await renderUsage(main))}\n`);
    return;
  }
  if (argv[0] === "--version" || argv[0] === "-v") {
    process.stdout.write(`${GENERATOR.version}\n`);
    return;
  }
  try {
    const entry = Object.hasOwn(COMMANDS, argv[0]!) ? COMMANDS[argv[0]!]! : null;
    if (!entry) throw new UsageError(`Unknown command \`${argv[0]}\``);
    const command = await entry.load();
    if (argv.includes("--help") || argv.includes("-h")) {
      process.stdout.write(`${plainUnlessColor(await renderUsage(command, main as AnyCommand))}\n`);
      return;
    }
    await runCommand(command, { rawArgs: argv.slice(1) });
  } catch (error) {
    const err = error as Error;
    if (err instanceof UsageError || /Unknown command|Missing required/i.test(err.message)) {
      process.stderr.write(`triangulate: ${err.message}\nRun \`triangulate --help\` or \`triangulate <command> --help\` for usage.\n`);
    } else {
      process.stderr.write(`triangulate: ${err.message}\n`);
      if (err.cause) process.stderr.write(`  cause: ${(err.cause as Error).message ?? String(err.cause)}\n`);
    }
    process.exitCode = 1;
  }
}
