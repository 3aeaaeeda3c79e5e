#!/usr/bin/env node
/**
 * `triangulate <command>`: the one place that catches. Usage mistakes print the usage and exit 1; a failed
 * input is reported by the command itself (exit 2, the rest processed); anything else is a bug or an
 * environment fault, printed with its cause, exit 1.
 */
import { defineCommand, runCommand, showUsage } from "citty";
import { GENERATOR } from "../../version.js";
import { analyze, cluster, extract, ingest, show, stories } from "./commands.js";
import { UsageError } from "./output.js";
import { serve } from "./serve.js";
import { watch } from "./watch.js";
import { worker } from "./worker.js";

const SUBCOMMANDS = { analyze, extract, cluster, ingest, stories, show, serve, watch, worker };
const main = defineCommand({
  meta: { name: "triangulate", version: GENERATOR.version, description: "What is actually established about a developing news story" },
  subCommands: SUBCOMMANDS,
});

async function runCli(argv: string[]): Promise<void> {
  if (!argv.length || argv[0] === "--help" || argv[0] === "-h") {
    await showUsage(main);
    return;
  }
  const sub = SUBCOMMANDS[argv[0] as keyof typeof SUBCOMMANDS];
  if (sub && (argv.includes("--help") || argv.includes("-h"))) {
    await showUsage(sub as never, main as never);
    return;
  }
  if (argv[0] === "--version" || argv[0] === "-v") {
    process.stdout.write(`${GENERATOR.version}\n`);
    return;
  }
  try {
    await runCommand(main, { rawArgs: argv });
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

await runCli(process.argv.slice(2));
