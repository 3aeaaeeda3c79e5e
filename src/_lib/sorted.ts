/** Look-ups in ascending lists of offsets (sentence starts, paragraph starts), by binary search. */

/** The greatest value ≤ at in an ascending list, or 0 when none is. */
export function lastAtOrBefore(sorted: readonly number[], at: number): number {
  let lo = 0, hi = sorted.length - 1, found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= at) (found = sorted[mid]!), (lo = mid + 1);
    else hi = mid - 1;
  }
  return found;
}
