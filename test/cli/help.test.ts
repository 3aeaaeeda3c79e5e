/** `triangulate --help` lists the commands without loading them; each command's own help names its options. */
import { expect, test } from "vitest";
import { COMMANDS } from "../../src/serve/cli/run-cli.js";
import { runCli } from "./run-cli.js";

test("the help's list says what each command's own definition says", async () => {
  for (const [name, entry] of Object.entries(COMMANDS)) {
    const command = await entry.load();
    expect(command.meta, name).toMatchObject({ name, description: entry.description });
  }
});

test("--help lists every command; <command> --help shows its options; an unknown command is a usage error", async () => {
  const help = await runCli(["--help"]);
  expect(help.code).toBe(0);
  for (const name of Object.keys(COMMANDS)) expect(help.stdout).toContain(name);
  const analyze = await runCli(["analyze", "--help"]);
  expect(analyze.code).toBe(0);
  expect(analyze.stdout).toContain("--no-store");
  // Usage lines name their arguments.
  for (const name of ["analyze", "extract", "cluster", "ingest"]) expect((await runCli([name, "--help"])).stdout, name).toMatch(/USAGE.*\[INPUTS\]/);
  expect((await runCli(["watch", "--help"])).stdout).toMatch(/USAGE.*\[FEEDS\]/);
  expect((await runCli(["show", "--help"])).stdout).toMatch(/USAGE.*<ID>/);
  const unknown = await runCli(["analyse", "x"]);
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain("Unknown command `analyse`");
});
