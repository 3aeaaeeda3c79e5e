import * as fs from "node:fs";
import { mkdir, rm, rmdir, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import lockfile from "proper-lockfile";
import { currentOwner, type LockOwner, OWNER_FILE, ownerLiveness, readOwner } from "./lock-owner.js";

/**
 * PGlite takes no lock on its directory and a second open corrupts it, so whoever opens a data directory
 * holds `<dataDir>/lock` (proper-lockfile: an atomic mkdir whose mtime is a heartbeat) for as long as the
 * database is open. The lock directory holds owner.json, so a refused process can say who is in the way.
 *
 * A lock left behind is reclaimed at once when its owner is certainly dead (same machine, pid gone or
 * reused, or a reboot since). A live owner is never displaced. An owner on another machine (shared disk)
 * is presumed gone when the heartbeat is older than STALE_MS.
 */

/** Heartbeat age after which a lock from another machine is abandoned. Calibration: 6 missed heartbeats. */
const STALE_MS = 30_000;
/** How often the holder touches the lock: cheap (one utimes), and fine-grained next to STALE_MS. */
const UPDATE_MS = 5_000;

export const LOCK_DIR = "lock";

export interface DataDirLock {
  readonly dir: string;
  /** Set when the lock was lost (its directory removed or taken over): stop writing, the data is no longer ours. */
  readonly compromised: Error | null;
  release(): Promise<void>;
}

/** Takes the lock on `dir` (which must exist) or throws the "in use" error naming the holder. */
export async function lockDataDir(dir: string): Promise<DataDirLock> {
  const lockDir = join(dir, LOCK_DIR);
  const previous = readOwner(lockDir);
  if (previous) {
    const liveness = ownerLiveness(previous);
    if (liveness === "alive") throw inUseError(dir, previous);
    // Old mtime: proper-lockfile then removes it as stale (through ownerFs) and takes it, in one step.
    if (liveness === "dead") await fs.promises.utimes(lockDir, 0, 0).catch(() => {});
  }
  let compromised: Error | null = null;
  let unlock: () => Promise<void>;
  try {
    unlock = await lockfile.lock(dir, {
      lockfilePath: lockDir,
      stale: STALE_MS,
      update: UPDATE_MS,
      realpath: false,
      fs: ownerFs(currentOwner()),
      // The default throws from a timer, killing the process mid-write; refusing further queries is enough.
      onCompromised: (error) => {
        compromised = error;
        process.stderr.write(`[triangulate] [store] lost the lock on the data directory ${dir} (${error.message}); further queries are refused so that another process's data is not overwritten. Restart this process.\n`);
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOCKED") throw inUseError(dir, readOwner(lockDir));
    throw new Error(`[triangulate] [store] cannot lock the data directory ${dir}: ${(error as Error).message}`, { cause: error });
  }
  let released: Promise<void> | null = null;
  return {
    dir,
    get compromised() {
      return compromised;
    },
    release() {
      // A compromised lock is no longer ours to remove.
      released ??= compromised ? Promise.resolve() : unlock().catch(() => {});
      return released;
    },
  };
}

export function inUseError(dir: string, owner: LockOwner | null): Error {
  const fix = "Stop it, or talk to the running 'triangulate serve' through its API, or use --data-dir to pick another directory.";
  if (owner && owner.pid === process.pid && ownerLiveness(owner) === "alive") {
    return new Error(`[triangulate] [store] the data directory ${dir} is already open in this process (pid ${owner.pid}). Close that store first, or use --data-dir to pick another directory.`);
  }
  const who = !owner
    ? `pid unknown: the lock ${join(dir, LOCK_DIR)} has no owner file; it is considered abandoned ${STALE_MS / 1000} s after its last update`
    : owner.hostname === hostname()
      ? `pid ${owner.pid}, since ${owner.since}${owner.command ? `: ${owner.command}` : ""}`
      : `pid ${owner.pid} on host ${owner.hostname}, since ${owner.since}; if it is gone, the lock is abandoned ${STALE_MS / 1000} s after its last update`;
  return new Error(`[triangulate] [store] the data directory ${dir} is in use by another triangulate process (${who}). ${fix}`);
}

/**
 * The fs proper-lockfile uses, with owner.json written inside the lock directory as part of "mkdir" and
 * removed as part of "rmdir". Writing it here, before proper-lockfile stamps the directory's mtime, keeps
 * its heartbeat check intact (a file created later would change the mtime: "someone touched my lock").
 * Until the file exists, others see a fresh lock with no owner: refused, "pid unknown".
 */
function ownerFs(owner: LockOwner) {
  type Callback = (error: NodeJS.ErrnoException | null) => void;
  return {
    ...fs,
    mkdir(path: string, callback: Callback) {
      createLockDir(path, owner).then(() => callback(null), callback);
    },
    rmdir(path: string, callback: Callback) {
      removeLockDir(path).then(() => callback(null), callback);
    },
    rmdirSync(path: string) {
      fs.rmSync(join(path, OWNER_FILE), { force: true });
      fs.rmdirSync(path);
    },
  };
}

async function createLockDir(path: string, owner: LockOwner): Promise<void> {
  await mkdir(path); // EEXIST: held, or stale (proper-lockfile decides)
  try {
    await writeFile(join(path, OWNER_FILE), `${JSON.stringify(owner, null, 2)}\n`);
  } catch (error) {
    await rm(path, { recursive: true, force: true });
    throw error;
  }
}

async function removeLockDir(path: string): Promise<void> {
  await unlink(join(path, OWNER_FILE)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
  await rmdir(path);
}
