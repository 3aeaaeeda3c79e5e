import type { Store } from "./types.js";

/** Store meta key: `Store.saveMark()` as the rebuild that built the stored stories took it, before reading. */
export const SAVE_MARK_META_KEY = "clustered-saves";

/**
 * True when articles were saved after the stored stories were built: a process killed between its save and its rebuild
 * (kill -9, a crash, a power cut) left them in no story. Each save records its transaction (articles.saved_xact, in
 * the save's own transaction) and each rebuild stores the mark it read from (SAVE_MARK_META_KEY, in the transaction
 * that replaces the stories), so this is exact with no marker of its own to keep in step. A store with articles, no
 * stories and no mark was never rebuilt; one with stories and no mark predates migration 005 and is left as it is.
 * Here, not in pipeline.ts, so that a command only listing stories can ask without loading the stages.
 */
export async function rebuildPending(store: Store): Promise<boolean> {
  const mark = await store.getMeta(SAVE_MARK_META_KEY);
  if (mark !== null) return (await store.savedSince(mark)).length > 0;
  const counts = await store.counts();
  return counts.articles > 0 && counts.stories === 0;
}
