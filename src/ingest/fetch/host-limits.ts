/** Politeness per host: at most N requests in flight, and request starts spaced by a minimum delay. */
import { sleep } from "./retry.js";

interface HostState {
  active: number;
  waiting: (() => void)[];
  /** Earliest time (ms) the next request to this host may start. */
  nextStart: number;
}

export class HostLimits {
  private readonly hosts = new Map<string, HostState>();

  constructor(private readonly perHost: number) {}

  /** Waits for a slot and for the host's spacing; returns the release function. */
  async acquire(host: string, delayMs: number): Promise<() => void> {
    const state = this.state(host);
    if (state.active < this.perHost) state.active++;
    else await new Promise<void>((resolve) => state.waiting.push(resolve)); // the slot is handed over on release
    const now = Date.now();
    const start = Math.max(now, state.nextStart);
    state.nextStart = start + delayMs;
    if (start > now) await sleep(start - now);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = state.waiting.shift();
      if (next) next();
      else state.active--;
    };
  }

  /** Holds every request to `host` back for `ms` (the server said Retry-After). */
  pause(host: string, ms: number): void {
    const state = this.state(host);
    state.nextStart = Math.max(state.nextStart, Date.now() + ms);
  }

  private state(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) this.hosts.set(host, (state = { active: 0, waiting: [], nextStart: 0 }));
    return state;
  }
}

/** Runs `task` over `items` with at most `limit` at once; results keep the items' order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
