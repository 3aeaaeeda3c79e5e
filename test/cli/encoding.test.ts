/**
 * `--encoding NAME`: text that declares no encoding and is not UTF-8 is read as NAME, in extract, analyze and ingest
 * (standard input included); an unknown name is a usage error before anything is read or stored.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runCli, tempDir } from "./run-cli.js";

/** A news text with Czech names: ř, á, í and ů are bytes windows-1250 and windows-1252 (the usual guess) read apart. */
const TEXT = [
  "Czech President Petr Pavel met the mayor of Brno, Markéta Vaňková, on Tuesday to discuss the flooding along the Svratka river.",
  "Officials said the water in Dvořák Street rose by more than a metre overnight, and 300 residents of Židenice were moved to schools.",
  "\"We have never seen the river this high in November,\" said Jiří Růžička, who heads the city's crisis staff. He said pumps from Prague and Ostrava arrived before dawn.",
  "The regional governor, Jan Grolich, said damage would run to hundreds of millions of crowns and asked the government for emergency funds.",
  "Rail traffic between Brno and Břeclav was stopped for six hours after a bridge support was found to be undermined, the operator said.",
].join("\n\n");

/** Windows-1250 bytes for TEXT: ASCII as is, the Czech letters by the code page's upper half (as TextDecoder maps it). */
const CP1250 = new Map(Array.from({ length: 128 }, (_, k) => [new TextDecoder("windows-1250").decode(Uint8Array.of(0x80 + k)), 0x80 + k] as const));
function cp1250(text: string): Buffer {
  return Buffer.from([...text].map((ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x80) return code;
    const byte = CP1250.get(ch);
    if (byte === undefined) throw new Error(`no windows-1250 byte for ${ch}`);
    return byte;
  }));
}

const legacyFile = (): string => {
  const file = join(tempDir(), "brno-flood.txt");
  writeFileSync(file, cp1250(TEXT));
  return file;
};

describe("--encoding", () => {
  test("the test's bytes are windows-1250 for the text (the fixture is what it says)", () => {
    expect(new TextDecoder("windows-1250").decode(cp1250(TEXT))).toBe(TEXT);
  });

  test("extract reads undeclared legacy text in the encoding named", async () => {
    const { code, stdout } = await runCli(["extract", legacyFile(), "--jsonl", "--encoding", "windows-1250"]);
    expect(code).toBe(0);
    const article = JSON.parse(stdout) as { text: string };
    expect(article.text).toContain("Dvořák Street");
    expect(article.text).toContain("Jiří Růžička");
  });

  test("analyze passes it down: the report's article text and names are spelt right", async () => {
    const { code, stdout } = await runCli(["analyze", legacyFile(), "--json", "--no-store", "--encoding", "cp1250"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { articles: { text: string }[] };
    expect(report.articles).toHaveLength(1);
    expect(report.articles[0]!.text).toContain("Markéta Vaňková");
    expect(report.articles[0]!.text).toContain("Břeclav");
  });

  test("ingest stores the text as read in the encoding named (streaming path)", async () => {
    const home = tempDir();
    const dataDir = join(home, "data");
    const stored = await runCli(["ingest", legacyFile(), "--data-dir", dataDir, "--encoding", "windows-1250"], { home });
    expect(stored.code).toBe(0);
    expect(stored.stdout).toMatch(/^stored 1 article; the database now holds 1 article in 1 story/);
    const list = await runCli(["stories", "--data-dir", dataDir, "--json"], { home });
    const [story] = (JSON.parse(list.stdout) as { stories: { id: string }[] }).stories;
    const shown = await runCli(["show", story!.id, "--data-dir", dataDir, "--json"], { home });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain("Jiří Růžička");
  }, 120_000);

  test("an unknown encoding is a usage error naming the option, before any input is read or the database made", async () => {
    const home = tempDir();
    const dataDir = join(home, "data");
    for (const command of ["analyze", "ingest", "extract"]) {
      const { code, stdout, stderr } = await runCli([command, legacyFile(), "--encoding", "klingon-8", "--data-dir", dataDir], { home });
      expect(code, command).toBe(1);
      expect(stdout, command).toBe("");
      expect(stderr, command).toMatch(/--encoding.*klingon-8/);
      expect(stderr, command).toContain("triangulate --help");
    }
    expect(existsSync(dataDir)).toBe(false);
  });

  test("every reading command's help names the option", async () => {
    for (const command of ["analyze", "ingest", "extract", "cluster"]) expect((await runCli([command, "--help"])).stdout, command).toMatch(/--encoding=<NAME>|--encoding <NAME>|--encoding/);
  });
});
