#!/usr/bin/env node
/** The `triangulate` binary: run-cli.ts does the work (and is what the tests call in process). */
import { runCli } from "./run-cli.js";

await runCli(process.argv.slice(2));
