import { homedir } from "node:os";
import { join } from "node:path";

/** Everything a run can be told; stages get it from here, never from process.env (read once at the edge). */
export interface Config {
  /** PGlite data directory, used when no databaseUrl is set. */
  dataDir: string;
  /** postgres://… of a real server; when set, PGlite is not opened. */
  databaseUrl: string | null;
  /** Inputs larger than this are refused, naming the input: a 2 GB log is no article. */
  maxInputBytes: number;
  /**
   * Clean article text longer than this is refused, naming the input: the longest news features run to ~100k
   * characters; past that it is a book, a log or a page dump, and analysis would take minutes.
   */
  maxArticleChars: number;
}

/** XDG-style: $XDG_DATA_HOME/triangulate, else ~/.local/share/triangulate. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME || join(homedir(), ".local", "share");
  return join(base, "triangulate");
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    dataDir: env.TRIANGULATE_DATA_DIR || defaultDataDir(env),
    databaseUrl: env.DATABASE_URL || null,
    maxInputBytes: 20 * 1024 * 1024,
    maxArticleChars: 300_000,
  };
}
