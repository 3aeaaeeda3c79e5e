import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { extractTemplate, templateName } from "./pglite-template.js";

/** One ustar entry as PGlite's dump writes it: 512-byte header, data padded to 512. */
function entry(name: string, type: "0" | "5" | "2", data = ""): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0, "latin1");
  header.write("0000600\0", 100, "latin1");
  header.write(`${data.length.toString(8).padStart(11, "0")}\0`, 124, "latin1");
  header.write(type, 156, "latin1");
  header.write("ustar\0", 257, "latin1");
  const body = Buffer.alloc(Math.ceil(data.length / 512) * 512);
  body.write(data, 0, "latin1");
  return Buffer.concat([header, body]);
}
const archive = (...entries: Buffer[]) => Buffer.concat([...entries, Buffer.alloc(1024)]);

describe("the PGlite template", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("extracts directories and files, leading slashes dropped, a file longer than a block whole", () => {
    dir = mkdtempSync(join(tmpdir(), "triangulate-template-"));
    const long = "x".repeat(700);
    extractTemplate(archive(entry("/base", "5"), entry("/base/1/1255", "0", long), entry("/PG_VERSION", "0", "17\n"), entry("/empty", "0")), join(dir, "pgdata"));
    expect(readdirSync(join(dir, "pgdata")).sort()).toEqual(["PG_VERSION", "base", "empty"]);
    expect(readFileSync(join(dir, "pgdata", "base", "1", "1255"), "latin1")).toBe(long);
    expect(readFileSync(join(dir, "pgdata", "PG_VERSION"), "latin1")).toBe("17\n");
    expect(statSync(join(dir, "pgdata", "empty")).size).toBe(0);
  });

  test("refuses a path out of the folder and an entry type it does not write", () => {
    dir = mkdtempSync(join(tmpdir(), "triangulate-template-"));
    expect(() => extractTemplate(archive(entry("/../escape", "0", "x")), join(dir, "a"))).toThrow(/\[triangulate\] \[store\] bad entry in the PGlite template: \.\.\/escape/);
    expect(() => extractTemplate(archive(entry("/link", "2")), join(dir, "b"))).toThrow(/unexpected entry type 2 in the PGlite template: link/);
  });

  test("the schema template's name changes with the migrations", () => {
    dir = mkdtempSync(join(tmpdir(), "triangulate-template-"));
    const migrations = join(dir, "migrations");
    extractTemplate(archive(entry("/001-init.sql", "0", "CREATE TABLE a (x int);")), migrations);
    const before = templateName("schema", migrations);
    extractTemplate(archive(entry("/002-more.sql", "0", "CREATE TABLE b (x int);")), migrations);
    expect(before).toMatch(/^pglite-[\d.]+-schema-[0-9a-f]{12}\.tar\.gz$/);
    expect(templateName("schema", migrations)).not.toBe(before);
    expect(templateName("blank")).toMatch(/^pglite-[\d.]+-blank\.tar\.gz$/);
  });
});
