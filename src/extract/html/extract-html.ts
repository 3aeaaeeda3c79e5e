/**
 * An HTML page → an Article: metadata read from the untouched page; embedded posts and captions set aside;
 * furniture (menus, share bars, related posts, bios, comments) removed; then the story's container is found by
 * Readability-style scoring (main-content.ts), retried with fewer assumptions when it under-delivers. A
 * standfirst printed under the headline, outside the container, is put back in front.
 */
import { capRemoved } from "../removed.js";
import { shortHash } from "../../_lib/hash.js";
import type { Article, RawDocument, Skip, SkipReason } from "../../records.js";
import { detectLanguage } from "../language.js";
import { settleBody } from "./body-lines.js";
import { removeBoilerplate } from "./boilerplate.js";
import { candidate } from "./candidate.js";
import { takeCaptions } from "./captions.js";
import { hasVisibleText, MAX_PAGE_ELEMENTS, type Page, parseDocument, textLongerThan, textOf } from "./dom.js";
import { takeEmbeds } from "./embeds.js";
import { type ContentOptions, mainContent } from "./main-content.js";
import { readMetadataCandidates, resolveMetadata } from "./metadata.js";
import { canonicalForm } from "./page-url.js";
import { blocksOf, type TextBlock } from "./paragraphs.js";
import { TextMeasure } from "./text-stats.js";

/**
 * Each attempt assumes less than the one before: class names mean what they say, then they may mislead, then
 * conditional cleaning may have thrown the story out with the link lists. Readability's retry order.
 */
const ATTEMPTS: readonly ContentOptions[] = [
  { weighClasses: true, cleanConditionally: true },
  { weighClasses: false, cleanConditionally: true },
  { weighClasses: false, cleanConditionally: false },
];
/** A first pick shorter than this is retried (Readability's charThreshold): a teaser, a caption block. */
const RETRY_BELOW_CHARS = 500;
/**
 * A short line that is mostly link text points elsewhere: a teaser, a tag, "Next post". Calibration
 * (trafilatura eval set): story paragraphs with a link in them run well under half linked.
 */
const LINK_LINE_MIN_DENSITY = 0.5;
const LINK_LINE_MAX_CHARS = 300;
/** A whole linked sentence this long is prose that links its source, not a teaser. */
const LINKED_SENTENCE_MIN_WORDS = 15;

function isLinkLine(block: TextBlock): boolean {
  if (block.linkDensity <= LINK_LINE_MIN_DENSITY || block.text.length >= LINK_LINE_MAX_CHARS) return false;
  return !(/[.!?]["”»]?$/.test(block.text) && block.text.split(" ").length >= LINKED_SENTENCE_MIN_WORDS);
}

/** HTML larger than this is not parsed: no news page is, and parsing cost grows with it. */
export const MAX_HTML_CHARS = 30_000_000;
/**
 * Visible text a page may have: 10× the pipeline's longest article (config.maxArticleChars, 300k), leaving room
 * for comment threads and furniture around a long story.
 */
const MAX_PAGE_TEXT_CHARS = 3_000_000;
/** A body shorter than this is a stub, a paywall teaser or an error page. Calibration: two short sentences. */
const MIN_ARTICLE_CHARS = 150;
/** Share of U+FFFD / control characters above which the "HTML" is undecodable bytes. */
const GARBLED_MAX_RATIO = 0.05;
const LANGUAGE_GUESS_CONFIDENCE = 0.5;

export function extractHtmlArticle(doc: RawDocument): Article | Skip {
  const skip = (reason: SkipReason, detail: string): Skip => ({ skip: reason, source: doc.source, detail });
  if (!doc.body.trim()) return skip("empty", "the document is empty");
  if (garbledRatio(doc.body) > GARBLED_MAX_RATIO) return skip("binary", "mostly undecodable characters, not HTML");
  if (doc.body.length > MAX_HTML_CHARS) return skip("not-article", `${doc.body.length} characters of HTML, over the ${MAX_HTML_CHARS} a page may have`);

  const page = parseDocument(doc.body);
  if (page.elementsCapped) return skip("not-article", `over ${MAX_PAGE_ELEMENTS.toLocaleString("en")} elements: generated markup, not a news page`);
  // A page reading longer than this is a dump or a book: refused before the passes that copy its text around
  // (a 20 MB page of paragraphs peaked at 1.3 GB to yield a text the pipeline then refused as too long).
  if (textLongerThan(page.body, MAX_PAGE_TEXT_CHARS)) return skip("not-article", `over ${MAX_PAGE_TEXT_CHARS.toLocaleString("en")} characters of text: a dump or a book, not an article`);
  const candidates = readMetadataCandidates(page, doc.hints);
  const pageChars = hasVisibleText(page.body);
  const embeds = takeEmbeds(page);
  const captions = takeCaptions(page);
  const furniture = removeBoilerplate(page);
  const body = extractBody(page);

  const settled = settleBody(page, body.paragraphs, captions);
  candidates.push(...settled.candidates);
  candidates.push(...candidate("language", detectLanguage(settled.paragraphs.join(" ")), "text:stopwords", LANGUAGE_GUESS_CONFIDENCE));
  const meta = resolveMetadata(candidates, doc);
  // A headline Readability kept (an unclosed <h2> it took for a paragraph) is the title, not the story.
  const paragraphs = settled.paragraphs[0] === meta.title ? settled.paragraphs.slice(1) : settled.paragraphs;
  const text = paragraphs.join("\n\n");

  if (!pageChars && embeds.length === 0) return skip("empty", "the page has no visible text");
  if (text.length === 0) return skip("not-article", "no body text found after removing page furniture");
  if (text.length < MIN_ARTICLE_CHARS) return skip("too-short", `body is ${text.length} characters`);

  const idSource = meta.canonicalUrl ?? meta.url;
  return {
    id: doc.hints.id ?? shortHash(idSource ? canonicalForm(idSource) : text),
    source: doc.source,
    url: meta.url,
    outlet: meta.outlet,
    title: meta.title,
    authors: meta.authors,
    publishedAt: meta.publishedAt,
    modifiedAt: meta.modifiedAt,
    language: meta.language,
    text,
    captions,
    embeds,
    removed: capRemoved(furniture.map((text) => ({ role: "furniture", text }))),
    provenance: meta.provenance,
    extractedBy: body.by,
  };
}

/** The first attempt that finds enough text, else the attempt that found the most. */
function extractBody(page: Page): { paragraphs: string[]; by: string } {
  let best: string[] = [];
  for (const options of ATTEMPTS) {
    const content = mainContent(page, new TextMeasure(page.body), options);
    const paragraphs = content.containers
      .flatMap((el) => blocksOf(el, content.dropped))
      .filter((b) => !isLinkLine(b))
      .map((b) => b.text);
    if (chars(paragraphs) >= RETRY_BELOW_CHARS) return { paragraphs, by: "html:content" };
    if (chars(paragraphs) > chars(best)) best = paragraphs;
  }
  return { paragraphs: best, by: "html:content" };
}

const chars = (paragraphs: readonly string[]) => paragraphs.reduce((n, p) => n + p.length, 0);

function garbledRatio(body: string): number {
  const sample = body.slice(0, 4096);
  const bad = sample.match(/[\ufffd\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  return bad / Math.max(1, sample.length);
}
