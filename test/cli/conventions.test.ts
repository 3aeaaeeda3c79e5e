/** The CLI's conventions (issue 23): colour only on a terminal unless NO_COLOR or FORCE_COLOR says otherwise; a warning and exit 2 when nothing was read; plural forms. */
import { expect, test } from "vitest";
import { colorFor, plural } from "../../src/serve/cli/output.js";
import { EXAMPLES, runCli, tempDir } from "./run-cli.js";

test("colour: a terminal yes, a pipe no; NO_COLOR turns it off, FORCE_COLOR on (and wins)", () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  expect([colorFor(tty, {}), colorFor(pipe, {})]).toEqual([true, false]);
  expect([colorFor(tty, { NO_COLOR: "1" }), colorFor(tty, { NO_COLOR: "" })]).toEqual([false, true]);
  expect([colorFor(pipe, { FORCE_COLOR: "1" }), colorFor(pipe, { FORCE_COLOR: "" }), colorFor(tty, { FORCE_COLOR: "0" }), colorFor(tty, { FORCE_COLOR: "false" })]).toEqual([true, true, true, true]);
  expect(colorFor(pipe, { FORCE_COLOR: "0" })).toBe(false);
  expect(colorFor(pipe, { FORCE_COLOR: "1", NO_COLOR: "1" })).toBe(true);
});

test("the summary is plain when piped and coloured with FORCE_COLOR", async () => {
  const ESC = "\u001b[";
  const plain = await runCli(["analyze", `${EXAMPLES}001_33169ef43ff5a28d.txt`, "--no-store"]);
  expect(plain.code).toBe(0);
  expect(plain.stdout).not.toContain(ESC);
  const forced = await runCli(["analyze", `${EXAMPLES}001_33169ef43ff5a28d.txt`, "--no-store"], { env: { FORCE_COLOR: "1" } });
  expect(forced.code).toBe(0);
  expect(forced.stdout).toContain(ESC);
  expect(forced.stdout.replace(/\u001b\[\d+m/g, "")).toBe(plain.stdout);
});

test("nothing read (an empty folder) is a warning naming the input, and exit 2, for each command that reads", async () => {
  const empty = tempDir();
  for (const args of [["analyze", empty, "--json", "--no-store"], ["extract", empty, "--jsonl"], ["cluster", empty, "--json"]]) {
    const { code, stderr } = await runCli(args);
    expect(code, args[0]).toBe(2);
    expect(stderr, args[0]).toContain(`triangulate: warning: nothing was read from ${empty}`);
    expect(stderr.match(/warning/g), args[0]).toHaveLength(1);
  }
  // Something read, even if only a failure: no such warning.
  const { code, stderr } = await runCli(["analyze", `${empty}/missing.txt`, "--json", "--no-store"]);
  expect(code).toBe(2);
  expect(stderr).not.toContain("nothing was read");
  expect(stderr).toContain("triangulate: 1 input could not be read; the others were processed.");
});

test("counts in messages take the plural only when not one", () => {
  expect([plural(0, "article"), plural(1, "article"), plural(2, "article"), plural(1, "story", "stories"), plural(3, "story", "stories")])
    .toEqual(["0 articles", "1 article", "2 articles", "1 story", "3 stories"]);
});
