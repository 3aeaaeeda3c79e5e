/**
 * The CLI's conventions (issue 23): colour only on a terminal unless NO_COLOR or FORCE_COLOR says otherwise; each
 * error once, on stderr, true to what happened; a warning and exit 2 when nothing was read; plural forms; the
 * summary ends with where the results were stored and how to browse them; usage text plain when piped.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
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
  expect(stderr).toBe(`triangulate: ${empty}/missing.txt: no such file or folder\n`);
});

test("each error once, on stderr, true to what happened: no 'others were processed' when none were, no '0 articles' summary", async () => {
  const dir = tempDir();
  const missing = join(dir, "missing.txt");
  const alone = await runCli(["analyze", missing, "--no-store"]);
  expect(alone.code).toBe(2);
  expect(alone.stdout).toBe("");
  expect(alone.stderr).toBe(`triangulate: ${missing}: no such file or folder\n`);
  const mixed = await runCli(["analyze", missing, `${EXAMPLES}001_33169ef43ff5a28d.txt`, "--no-store"]);
  expect(mixed.code).toBe(2);
  expect(mixed.stderr.split("\n").filter((l) => l.includes(missing))).toHaveLength(1);
  expect(mixed.stderr).toContain("triangulate: 1 input could not be read; 1 article read from the others\n");
  expect(mixed.stdout).not.toContain(missing);
  expect(mixed.stdout).toContain("1 article from 1 outlet");
  // A skipped input is said once, on stderr, with its reason; all skipped is a warning and exit 2.
  writeFileSync(join(dir, "short.txt"), "Too short to be an article.\n");
  const skipped = await runCli(["analyze", join(dir, "short.txt"), "--no-store"]);
  expect(skipped.code).toBe(2);
  expect(skipped.stdout).toBe("");
  expect(skipped.stderr.match(/short\.txt/g)).toHaveLength(1);
  expect(skipped.stderr).toMatch(/skipped .*short\.txt: too-short/);
  expect(skipped.stderr).toContain("warning: no article to compare: the one input was skipped");
  // Not a usage mistake: said once, without a usage hint.
  const show = await runCli(["show", "nope", "--data-dir", tempDir()]);
  expect(show.code).toBe(1);
  expect(show.stderr).toMatch(/^triangulate: no story "nope" in .*\n$/);
  expect(show.stderr).not.toContain("--help");
});

test("the summary ends by saying where the results are and how to browse them", async () => {
  const dataDir = tempDir();
  const stored = await runCli(["analyze", `${EXAMPLES}001_33169ef43ff5a28d.txt`, "--data-dir", dataDir]);
  expect(stored.code).toBe(0);
  expect(stored.stdout.trimEnd().split("\n").at(-1)).toBe(`Stored in the embedded database in ${dataDir}. Browse the stories: \`triangulate serve --data-dir ${dataDir}\`, then open http://127.0.0.1:8787/`);
  const none = await runCli(["analyze", `${EXAMPLES}001_33169ef43ff5a28d.txt`, "--no-store"]);
  expect(none.stdout.trimEnd().split("\n").at(-1)).toBe("Not stored (--no-store): run without it to keep the results and browse them with `triangulate serve`.");
  // Machine formats stay clean.
  const json = await runCli(["analyze", `${EXAMPLES}001_33169ef43ff5a28d.txt`, "--no-store", "--json"]);
  expect(() => JSON.parse(json.stdout)).not.toThrow();
});

const realIsTTY = Object.getOwnPropertyDescriptor(process.stdout, "isTTY");
afterEach(() => {
  if (realIsTTY) Object.defineProperty(process.stdout, "isTTY", realIsTTY);
  else delete (process.stdout as { isTTY?: boolean }).isTTY;
});

test("on a terminal the summary is coloured, unless NO_COLOR; piped, it is plain and stderr has no progress", async () => {
  const ESC = "\u001b[";
  const file = `${EXAMPLES}001_33169ef43ff5a28d.txt`;
  const piped = await runCli(["analyze", file, "--no-store"]);
  expect(piped.stdout).not.toContain(ESC);
  expect(piped.stderr).toBe("");
  Object.defineProperty(process.stdout, "isTTY", { value: true, configurable: true });
  const tty = await runCli(["analyze", file, "--no-store"]);
  expect(tty.stdout).toContain(ESC);
  const noColor = await runCli(["analyze", file, "--no-store"], { env: { NO_COLOR: "1" } });
  expect(noColor.stdout).not.toContain(ESC);
  expect(noColor.stdout).toBe(piped.stdout);
});

test("usage text is plain when piped and names its arguments", async () => {
  const help = await runCli(["analyze", "--help"]);
  expect(help.stdout).not.toContain("\u001b[");
  expect(help.stdout).toMatch(/USAGE triangulate analyze \[OPTIONS\] \[INPUTS\]/);
  expect(help.stdout).toContain("INPUTS=<INPUT...>");
  expect(help.stdout).toContain("--outlets=<FILE>");
});

test("--outlets: a bad row is named with its line once and left out (exit 2), the lean shows in the summary; a missing file is a usage error", async () => {
  const dir = tempDir();
  const file = join(dir, "outlets.csv");
  writeFileSync(file, "name,lean,country\nIsrael Hayom,Lean Right,Israel\nSomewhere,sideways,\n");
  const run = await runCli(["analyze", `${EXAMPLES}001_33169ef43ff5a28d.txt`, "--no-store", "--outlets", file]);
  expect(run.code).toBe(2);
  expect(run.stderr).toBe(`triangulate: ${file}: line 3: lean “sideways” is not one of left, lean left, center, lean right, right; row left out\n`);
  expect(run.stdout).toContain("Israel Hayom (leans right · Israel)");
  const missing = await runCli(["analyze", `${EXAMPLES}001_33169ef43ff5a28d.txt`, "--no-store", "--outlets", join(dir, "nope.csv")]);
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain(`--outlets: cannot read ${join(dir, "nope.csv")}: no such file`);
});

test("counts in messages take the plural only when not one", () => {
  expect([plural(0, "article"), plural(1, "article"), plural(2, "article"), plural(1, "story", "stories"), plural(3, "story", "stories")])
    .toEqual(["0 articles", "1 article", "2 articles", "1 story", "3 stories"]);
});

test("--csv --out FILE writes the claims to FILE and the quotes beside it, to FILE's .quotes.csv", async () => {
  const dir = tempDir();
  const run = await runCli(["analyze", `${EXAMPLES}001_33169ef43ff5a28d.txt`, "--no-store", "--csv", "--out", join(dir, "report.csv")]);
  expect(run.code).toBe(0);
  expect(readFileSync(join(dir, "report.csv"), "utf8")).toMatch(/^story id,story,story bottom line,claim id,claim,verdict/);
  expect(readFileSync(join(dir, "report.quotes.csv"), "utf8")).toMatch(/^story id,story,speaker,speaker kind,quote,form,outlet,article,article id\r\n.*Israel Hayom/s);
});
