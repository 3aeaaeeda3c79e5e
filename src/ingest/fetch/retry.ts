/** When to try a request again, and how long to wait first. */

/** Statuses worth another try: the server is overloaded or briefly broken, not refusing us. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * Exponential backoff with full jitter (AWS architecture blog): a random wait in [0, base·2^attempt], so that many
 * clients retrying one server spread out instead of arriving together.
 */
export function backoffMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  return Math.round(random() * baseMs * 2 ** attempt);
}

/** Retry-After as milliseconds from `nowMs`: delta-seconds ("120") or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
