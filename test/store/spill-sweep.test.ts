import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { openSpill, SPILL_PREFIX, sweepOrphanSpills } from "../../src/rebuild-slices.js";

let root = "";
afterEach(() => rmSync(root, { recursive: true, force: true }));
const fresh = () => (root = mkdtempSync(join(tmpdir(), "spill-sweep-")));
const spills = () => readdirSync(root).filter((n) => n.startsWith(SPILL_PREFIX)).sort();

/**
 * A real process that makes a spill folder as openSpill does (the folder, then its owner file, as lock-owner.ts
 * writes it: pid, host, start ticks, boot id), says READY and waits: the test SIGKILLs it, as the OOM killer or a
 * `kill -9` during a rebuild would. Plain JavaScript: Node 20 cannot import the TypeScript sources.
 */
const CHILD = `
const fs = require("node:fs"), os = require("node:os"), path = require("node:path");
const dir = fs.mkdtempSync(path.join(process.argv[1], "${SPILL_PREFIX}"));
const stat = fs.readFileSync("/proc/self/stat", "utf8");
const startTicks = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
const bootId = fs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
fs.writeFileSync(path.join(dir, "owner.json"), JSON.stringify({ pid: process.pid, hostname: os.hostname(), since: new Date().toISOString(), startTicks, bootId, command: "child" }));
fs.writeFileSync(path.join(dir, "spill.jsonl"), "{}\\n".repeat(1000));
process.stdout.write("READY\\n");
setInterval(() => {}, 1000);
`;

describe("spill folders left by a killed rebuild", () => {
  test.skipIf(process.platform !== "linux")("a SIGKILLed process's folder is removed by the next spill; a live one's is kept", async () => {
    fresh();
    const child = spawn(process.execPath, ["-e", CHILD, root], { stdio: ["ignore", "pipe", "inherit"] });
    await once(child.stdout, "data");
    const live = openSpill<{ n: number }>(root);
    live.add({ n: 1 });
    expect(spills()).toHaveLength(2);
    // While the child lives, its folder is its own.
    expect(sweepOrphanSpills(root)).toEqual([]);
    child.kill("SIGKILL");
    await once(child, "exit");
    const next = openSpill(root);
    // The killed child's folder is gone; this process's two (one still open) are kept and still work.
    expect(spills()).toHaveLength(2);
    expect([...live.read()]).toEqual([{ n: 1 }]);
    live.close();
    next.close();
    expect(spills()).toEqual([]);
  });

  test("owner-less folders: kept while recent (a spill being made), removed a day later", () => {
    fresh();
    const recent = join(root, `${SPILL_PREFIX}recent`);
    const old = join(root, `${SPILL_PREFIX}old`);
    const other = join(root, "triangulate-test-run-x");
    for (const dir of [recent, old, other]) mkdirSync(dir);
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(old, twoDaysAgo, twoDaysAgo);
    utimesSync(other, twoDaysAgo, twoDaysAgo);
    expect(sweepOrphanSpills(root)).toEqual([old]);
    expect([existsSync(recent), existsSync(old), existsSync(other)]).toEqual([true, false, true]);
  });

  test("a missing temporary folder is no error", () => {
    expect(sweepOrphanSpills(join(tmpdir(), "no-such-folder-for-spills"))).toEqual([]);
  });
});
