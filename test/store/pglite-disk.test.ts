import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { openStore } from "../../src/store/index.js";
import type { Store } from "../../src/store/types.js";
import { testStore } from "./contract.js";

let root = "";
let runs = 0;
const dirOf = new Map<Store, string>();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "triangulate-store-"));
  // Creating a PGlite directory runs initdb (seconds); copying a migrated, closed one is quick and still
  // goes through openStore's lock, open and migrate on an existing directory, as every later run does.
  const template = await openStore({ dataDir: join(root, "template"), databaseUrl: null });
  await template.close();
}, 120_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

async function openIn(dir: string): Promise<Store> {
  const store = await openStore({ dataDir: dir, databaseUrl: null });
  dirOf.set(store, dir);
  return store;
}

testStore("PGlite on disk", {
  open: async () => {
    const dir = join(root, `run-${++runs}`);
    await cp(join(root, "template"), dir, { recursive: true });
    return openIn(dir);
  },
  reopen: async (store) => {
    await store.close();
    return openIn(dirOf.get(store)!);
  },
});
