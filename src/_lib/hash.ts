import { createHash } from "node:crypto";

/** A short, stable id: the first 16 hex digits of sha256. Collisions are negligible below ~10^8 items. */
export function shortHash(...parts: string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\u0000");
  return hash.digest("hex").slice(0, 16);
}
