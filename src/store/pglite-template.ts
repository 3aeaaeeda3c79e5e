/**
 * The databases new embedded stores are unpacked from, made once by `npm run build` (scripts/pglite-template.mjs):
 * - "blank": PostgreSQL's initdb alone (3–6 s of CPU in wasm, paid once here instead of per store);
 * - "schema": the blank database with this checkout's migrations applied, so a user's first `analyze` does not
 *   run them either. Its file name carries a digest of the migration files: after a migration is added or edited
 *   the old file is never used (the store falls back to the blank one, then migrates).
 * Both names carry PGlite's version, since a data directory from another version will not open.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";

export type TemplateKind = "blank" | "schema";

let version: string | null = null;

function pgliteVersion(): string {
  if (version) return version;
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  for (let dir = dirname(entry), up = ""; up !== dir; up = dir, dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) return (version = (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version);
  }
  return (version = "unknown");
}

/** Read synchronously (five small files, under a millisecond) so a template's name is known without a promise. */
function migrationsDigest(dir: string): string {
  const hash = createHash("sha256");
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".sql")).sort()) hash.update(name).update("\0").update(readFileSync(join(dir, name)));
  return hash.digest("hex").slice(0, 12);
}

export function templateName(kind: TemplateKind, migrationsDir?: string): string {
  if (kind === "blank") return `pglite-${pgliteVersion()}-blank.tar.gz`;
  return `pglite-${pgliteVersion()}-schema-${migrationsDir ? migrationsDigest(migrationsDir) : "none"}.tar.gz`;
}

/**
 * TRIANGULATE_PGLITE_TEMPLATE names the folder holding the templates (the test suite's global setup sets it when
 * dist/ has none); otherwise they are looked for from wherever this module runs, up to the checkout: dist/src/store/
 * (build), src/store/ (vitest), a compiled copy under node_modules/.cache/x/store/.
 */
export function findTemplate(kind: TemplateKind, migrationsDir?: string, from: string = dirname(fileURLToPath(import.meta.url))): string | null {
  const name = templateName(kind, migrationsDir);
  const given = process.env.TRIANGULATE_PGLITE_TEMPLATE;
  if (given) return existsSync(join(given, name)) ? join(given, name) : null;
  let dir = from;
  for (let i = 0; i < 6; i++, dir = dirname(dir)) {
    for (const file of [join(dir, name), join(dir, "dist", name)]) if (existsSync(file)) return file;
  }
  return null;
}

const read = new Map<string, Promise<Buffer<ArrayBuffer> | null>>();

/** The template's tar, unzipped once per process (a suite that opens many stores pays for gunzip once). */
export function readTemplate(kind: TemplateKind, migrationsDir?: string): Promise<Buffer<ArrayBuffer> | null> {
  const file = findTemplate(kind, migrationsDir);
  if (!file) return Promise.resolve(null);
  let tar = read.get(file);
  if (!tar) read.set(file, (tar = readFile(file).then((gz) => gunzipSync(gz), () => null)));
  return tar;
}

/**
 * Writes a template's files into `dir` with plain fs calls: PGlite's own `loadDataDir` writes them through its
 * emulated file system, about 0.8 s of CPU for the ~1,000 files (40 MB) of a blank cluster, against ~0.1 s here.
 * Hand-written rather than a tar library: the input is only ever PGlite's own dump (ustar, regular files and
 * directories), and a reader for that is these few lines. Anything else in it is refused, and the caller falls
 * back to PGlite's loader.
 */
export function extractTemplate(tar: Buffer, dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break; // the two zero blocks that end an archive
    const field = (from: number, length: number) => header.toString("latin1", from, from + length).replace(/\0.*$/s, "");
    const prefix = field(345, 155);
    const name = (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100)).replace(/^\/+/, "");
    const size = parseInt(field(124, 12).trim() || "0", 8);
    const type = field(156, 1) || "0";
    if (name.split("/").includes("..") || !Number.isFinite(size)) throw new Error(`[triangulate] [store] bad entry in the PGlite template: ${name}`);
    const target = join(dir, name);
    at += 512;
    if (type === "5") mkdirSync(target, { recursive: true, mode: 0o700 });
    else if (type === "0") {
      mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
      writeFileSync(target, tar.subarray(at, at + size), { mode: 0o600 });
    } else throw new Error(`[triangulate] [store] unexpected entry type ${type} in the PGlite template: ${name}`);
    at += Math.ceil(size / 512) * 512;
  }
}

/**
 * Makes both templates in `dir`, each unless there already; `npm run build` calls this (scripts/pglite-template.mjs).
 * `prepare` runs the migrations on the blank database (migrate.ts; passed in so that this module loads no SQL code).
 */
export async function writeTemplates(dir: string, migrationsDir: string, prepare: (db: PGlite) => Promise<void>): Promise<string[]> {
  const written: string[] = [];
  await mkdir(dir, { recursive: true });
  // Templates of earlier migration sets or PGlite versions are never read again: 4–5 MB each.
  const current = new Set((["blank", "schema"] as const).map((kind) => templateName(kind, migrationsDir)));
  for (const name of readdirSync(dir)) if (/^pglite-.+-(?:blank|schema-[0-9a-f]+)\.tar\.gz$/.test(name) && !current.has(name)) await rm(join(dir, name), { force: true });
  for (const kind of ["blank", "schema"] as const) {
    const file = join(dir, templateName(kind, migrationsDir));
    if (existsSync(file)) continue;
    const db = new PGlite();
    try {
      await db.waitReady;
      if (kind === "schema") await prepare(db);
      const dump = await db.dumpDataDir("gzip");
      await writeFile(`${file}.tmp-${process.pid}`, Buffer.from(await dump.arrayBuffer()));
      await rename(`${file}.tmp-${process.pid}`, file);
      written.push(file);
    } finally {
      await db.close();
      await rm(`${file}.tmp-${process.pid}`, { force: true });
    }
  }
  return written;
}
