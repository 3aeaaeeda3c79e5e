import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

/** Who holds a data directory: written inside the lock directory, read to name the holder and to tell a dead one. */
export interface LockOwner {
  pid: number;
  hostname: string;
  /** When the lock was taken (ISO). */
  since: string;
  /** Linux: the process's start time in clock ticks since boot (/proc/PID/stat field 22). Tells a reused pid. */
  startTicks: string | null;
  /** Linux: /proc/sys/kernel/random/boot_id. A different one means the machine rebooted since. */
  bootId: string | null;
  command: string;
}

export const OWNER_FILE = "owner.json";

export function currentOwner(): LockOwner {
  return {
    pid: process.pid,
    hostname: hostname(),
    since: new Date().toISOString(),
    startTicks: startTicks(process.pid),
    bootId: bootId(),
    command: process.argv.slice(1).join(" ").slice(0, 300),
  };
}

/** The owner recorded in a lock directory; null when there is no lock or no readable owner file in it. */
export function readOwner(lockDir: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(join(lockDir, OWNER_FILE), "utf8")) as Partial<LockOwner>;
    if (typeof owner.pid !== "number" || typeof owner.hostname !== "string") return null;
    return { since: "?", startTicks: null, bootId: null, command: "", ...owner } as LockOwner;
  } catch {
    return null;
  }
}

/**
 * "dead" only when sure: same machine and the pid is gone, reused by another process, or from before a
 * reboot. "alive" is never reclaimed, even when its heartbeat is old (a process stopped with Ctrl-Z is
 * alive and would corrupt the directory when resumed). "unknown": another machine (a shared disk); the
 * lock's heartbeat decides.
 */
export function ownerLiveness(owner: LockOwner): "alive" | "dead" | "unknown" {
  if (owner.hostname !== hostname()) return "unknown";
  const boot = bootId();
  if (owner.bootId && boot && owner.bootId !== boot) return "dead";
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return "dead";
  }
  const stat = procStat(owner.pid);
  // A zombie (killed, not yet reaped by its parent) still answers kill(pid, 0).
  if (stat && (stat.state === "Z" || stat.state === "X")) return "dead";
  if (owner.startTicks && stat && owner.startTicks !== stat.startTicks) return "dead";
  return "alive";
}

function startTicks(pid: number): string | null {
  return procStat(pid)?.startTicks ?? null;
}

/** Linux /proc/PID/stat: "pid (comm) state ppid …"; comm may hold spaces and ")", so split after the last ")". */
function procStat(pid: number): { state: string; startTicks: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0] ?? "", startTicks: fields[19] ?? "" };
  } catch {
    return null;
  }
}

function bootId(): string | null {
  try {
    return readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim() || null;
  } catch {
    return null;
  }
}
