import { expect, test } from "vitest";
import { idProblem, safeDocument, safeText, safeTextSameLength } from "./safe-text.js";

test("NUL is dropped and each unpaired surrogate becomes U+FFFD; pairs, emoji and other controls are left alone", () => {
  expect(safeText("a\u0000b")).toBe("ab");
  expect(safeText("x\uD800y\uDC00z")).toBe("x\uFFFDy\uFFFDz");
  expect(safeText("😀 \uD83D\uDE00 \t\u0001")).toBe("😀 \uD83D\uDE00 \t\u0001");
  // A NUL between the halves of a pair: dropping it leaves the pair whole.
  expect(safeText("\uD83D\u0000\uDE00")).toBe("😀");
  expect(safeTextSameLength("a\u0000\uDBFFb")).toBe("a\uFFFD\uFFFDb");
});

test("ids: empty, too long, NUL and unpaired surrogates are named with where they are", () => {
  expect(idProblem("ok-1")).toBeNull();
  expect(idProblem("😀")).toBeNull();
  expect(idProblem("  ")).toBe("is empty");
  expect(idProblem("x".repeat(301))).toBe("is 301 characters long; at most 300 are kept");
  expect(idProblem("ab\u0000")).toBe("holds U+0000 (NUL) at character 3");
  expect(idProblem("\uDC00")).toBe("holds an unpaired surrogate (U+DC00) at character 1");
});

test("a document's id problem fails it by name; its text and metadata are repaired", () => {
  const doc = { source: "r.jsonl:2", format: "text" as const, body: "Text\u0000 here", hints: { id: "a\uD800", title: "T\u0000" }, fetchedAt: "2024-01-01T00:00:00Z" };
  expect(safeDocument(doc)).toEqual({ source: "r.jsonl:2", error: expect.stringMatching(/^the record's "id" holds an unpaired surrogate \(U\+D800\) at character 2/) });
  expect(safeDocument({ ...doc, hints: { title: "T\u0000", authors: ["A\uDC00"] } })).toEqual({ ...doc, body: "Text here", hints: { title: "T", authors: ["A\uFFFD"] } });
});

test("linear on a megabyte of surrogate soup (no quadratic backtracking)", () => {
  const soup = "\uD800\uDC00\uD800\u0000\uDC00".repeat(200_000);
  const started = performance.now();
  const safe = safeText(soup);
  // Generous: a linear pass takes a few ms; a quadratic one would take minutes.
  expect(performance.now() - started).toBeLessThan(2_000);
  expect(safe).not.toMatch(/\u0000/);
});
