/**
 * What our HTML extractor is measured against, on the same decoded pages in the same run:
 * - Mozilla Readability (default options) on linkedom, its fastest DOM (about 5× faster than jsdom here);
 * - htmlparser2's `parseDocument` alone: the floor, since every extractor on that parser pays at least this.
 *
 * `measureThroughput` is shared by `npm run eval` (which scores the first round's outputs) and `npm run bench`.
 * Each contender runs in its own child process, so its peak RSS is its own: in one process, V8 keeps the heap
 * a previous contender grew (Readability's linkedom trees), and the next one's peak would start from there.
 * A child reads, gunzips and decodes every page before any timing. The parent then asks for one round at a time,
 * alternating contenders (ours, Readability, parse) so a busy spell on the shared 2-core machine hits all
 * three; the best round counts, as the first pays for JIT warm-up.
 */
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import { Readability } from "@mozilla/readability";
import { parseDocument } from "htmlparser2";
import { parseHTML } from "linkedom";
import { extractHtmlArticle } from "../src/extract/html/extract-html.js";
import type { Article, RawDocument, Skip } from "../src/records.js";
import { loadEvalPages, readEvalDocument } from "./extraction-data.js";

export type ContenderKey = "ours" | "readability" | "parse";

export interface ContenderThroughput {
  label: string;
  /** Best round. */
  pagesPerSecond: number;
  roundPagesPerSecond: number[];
  /** The contender's process with every page decoded, after a full collection, before the first round. */
  loadedRssMiB: number;
  /** The contender's process peak (resourceUsage().maxRSS) after its last round. */
  peakRssMiB: number;
}

export interface Throughput {
  pages: number;
  rounds: number;
  /** Until every contender had its pages decoded (in parallel, untimed). */
  loadSeconds: number;
  contenders: Record<ContenderKey, ContenderThroughput>;
  /** Our best pages/s over Readability's. */
  oursVsReadability: number;
}

/** Given each page's output of the first round, in page order (the eval scores them). */
export interface FirstRoundInspectors {
  ours?: (index: number, output: Article | Skip) => void;
  readability?: (index: number, text: string | null) => void;
}

/** The order within every round. */
const KEYS: readonly ContenderKey[] = ["ours", "readability", "parse"];

const LABELS: Record<ContenderKey, string> = {
  ours: "triangulate extractHtmlArticle (htmlparser2)",
  readability: "@mozilla/readability on linkedom",
  parse: "htmlparser2 parseDocument alone (floor)",
};

const RUNNERS: Record<ContenderKey, (doc: RawDocument) => unknown> = {
  ours: extractHtmlArticle,
  readability: readabilityText,
  parse: (doc) => parseDocument(doc.body),
};

/** Readability's text for the page, "" when it finds no article, null when it throws. */
export function readabilityText(doc: RawDocument): string | null {
  try {
    // linkedom's Document is not lib.dom's type, though Readability only uses what linkedom implements.
    const document = parseHTML(doc.body).document as unknown as Document;
    return new Readability(document).parse()?.textContent ?? "";
  } catch {
    return null;
  }
}

/** The first `limit` pages of the set at `dataDir` (all without), `rounds` ≥ 1 passes of each contender. */
export async function measureThroughput(
  dataDir: string,
  opts: { limit?: number; rounds: number; inspect?: FirstRoundInspectors },
): Promise<Throughput> {
  if (!(Number.isInteger(opts.rounds) && opts.rounds >= 1)) throw new Error(`[triangulate] [eval] throughput wants rounds ≥ 1, got ${opts.rounds}`);
  const started = performance.now();
  const children = KEYS.map(() => fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, [CHILD_ENV]: "1" }, serialization: "advanced" }));
  try {
    const ready = await Promise.all(children.map((child, i) => ask(child, { init: { dataDir, limit: opts.limit, key: KEYS[i]! } })));
    const loadSeconds = (performance.now() - started) / 1000;
    const rounds = await runRounds(children, opts.rounds, opts.inspect ?? {});
    const pages = ready[0]!.pages;
    const contenders = Object.fromEntries(KEYS.map((key, i) => [key, summarise(key, pages, ready[i]!, rounds[i]!)])) as Throughput["contenders"];
    const { ours, readability } = contenders;
    return {
      pages, rounds: opts.rounds, loadSeconds: round1(loadSeconds), contenders,
      oursVsReadability: Math.round((ours.pagesPerSecond / Math.max(readability.pagesPerSecond, 1e-6)) * 100) / 100,
    };
  } finally {
    for (const child of children) if (child.connected) child.disconnect();
  }
}

/** Round by round, each contender in KEYS order; per contender, its rounds. */
async function runRounds(children: ChildProcess[], rounds: number, inspectors: FirstRoundInspectors): Promise<RoundReply[][]> {
  const ran = KEYS.map(() => [] as RoundReply[]);
  for (let round = 0; round < rounds; round++) {
    for (const [i, key] of KEYS.entries()) {
      const inspect = round === 0 && key !== "parse" ? inspectors[key] : undefined;
      const { outputs, ...timing } = await ask(children[i]!, { round: { keep: !!inspect } });
      // The outputs are RUNNERS[key]'s, the type its inspector takes.
      outputs?.forEach((output, page) => (inspect as (index: number, output: unknown) => void)(page, output));
      ran[i]!.push(timing);
    }
  }
  return ran;
}

function summarise(key: ContenderKey, pages: number, ready: ReadyReply, rounds: RoundReply[]): ContenderThroughput {
  const rates = rounds.map((r) => round1((pages * 1000) / Math.max(r.ms, 1e-6)));
  return {
    label: LABELS[key], pagesPerSecond: Math.max(...rates), roundPagesPerSecond: rates,
    loadedRssMiB: ready.loadedRssMiB, peakRssMiB: rounds.at(-1)!.peakRssMiB,
  };
}

/** The throughput as a Markdown table and a note, for eval and bench alike. */
export function formatThroughput(t: Throughput): string[] {
  const rows = Object.values(t.contenders).map((c) =>
    `| ${c.label} | ${c.pagesPerSecond.toFixed(1)} | ${c.roundPagesPerSecond.map((r) => r.toFixed(1)).join(", ")} | ` +
    `${c.peakRssMiB.toFixed(0)} | ${(c.peakRssMiB - c.loadedRssMiB).toFixed(0)} |`);
  return [
    `Throughput on the same ${t.pages} decoded pages, best of ${t.rounds} rounds (noisy shared machine; rounds alternate contenders):`,
    "| contender | pages/s (best) | pages/s per round | peak RSS MiB | over loaded MiB |",
    "|---|---|---|---|---|",
    ...rows,
    `Ours ÷ Readability: ${t.oursVsReadability.toFixed(2)}×. Each contender runs in its own process (node, every module, ` +
      "the decoded pages); peak RSS is that process's maxRSS, and \"over loaded\" its growth over the RSS with the pages decoded.",
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Parent ⇄ child. Strictly one request, one reply.

const CHILD_ENV = "TRIANGULATE_THROUGHPUT_CHILD";

interface InitRequest { init: { dataDir: string; limit?: number; key: ContenderKey } }
/**
 * `keep`: send back each page's output (the eval's first round of ours and Readability). They are held until the
 * round ends, which adds about 20 MiB to those two peaks on all 990 pages (eval vs bench).
 */
interface RoundRequest { round: { keep: boolean } }
type Request = InitRequest | RoundRequest;
interface ReadyReply { pages: number; loadedRssMiB: number }
interface RoundReply { ms: number; peakRssMiB: number; outputs?: unknown[] }
type Reply = { ready: ReadyReply } | { ran: RoundReply } | { failed: string };

function ask(child: ChildProcess, request: InitRequest): Promise<ReadyReply>;
function ask(child: ChildProcess, request: RoundRequest): Promise<RoundReply>;
function ask(child: ChildProcess, request: Request): Promise<ReadyReply | RoundReply> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: Reply) => {
      off();
      if ("failed" in reply) reject(new Error(`[triangulate] [eval] throughput child: ${reply.failed}`));
      else resolve("ready" in reply ? reply.ready : reply.ran);
    };
    const onExit = (code: number | null) => {
      off();
      reject(new Error(`[triangulate] [eval] throughput child exited (code ${code}) before replying`));
    };
    const off = () => child.off("message", onMessage).off("exit", onExit);
    child.on("message", onMessage).on("exit", onExit);
    child.send(request);
  });
}

function serveContender(): void {
  const collectGarbage = exposeGc();
  let docs: RawDocument[] = [];
  let run: (doc: RawDocument) => unknown = () => undefined;
  const reply = (r: Reply) => process.send!(r);
  process.on("message", (request: Request) => {
    void (async () => {
      if ("init" in request) {
        const { dataDir, limit, key } = request.init;
        for (const page of await loadEvalPages(dataDir, limit)) docs.push(await readEvalDocument(dataDir, page));
        run = RUNNERS[key];
        collectGarbage();
        reply({ ready: { pages: docs.length, loadedRssMiB: round1(process.memoryUsage().rss / 2 ** 20) } });
        return;
      }
      collectGarbage();
      const outputs: unknown[] = [];
      let ms = 0;
      for (const doc of docs) {
        const t0 = performance.now();
        const output = run(doc);
        ms += performance.now() - t0;
        if (request.round.keep) outputs.push(output);
      }
      reply({ ran: { ms, peakRssMiB: round1(process.resourceUsage().maxRSS / 1024), ...(request.round.keep ? { outputs } : {}) } });
    })().catch((error: unknown) => reply({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
  });
  process.on("disconnect", () => process.exit(0));
}

/**
 * A full collection before each round keeps the last round's garbage out of this one's time. The child is
 * forked without --expose-gc, so the flag is set now and `gc` taken from a fresh context.
 */
function exposeGc(): () => void {
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as () => void;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

if (process.env[CHILD_ENV] === "1" && process.send) serveContender();
