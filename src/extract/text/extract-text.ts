/**
 * Scraped plain text → Article. Steps: split into blocks, mark boilerplate, set aside embedded posts and
 * captions, read the header (title, byline, labelled dates), cut the author bio, then read the outlet.
 */
import { capRemoved } from "../removed.js";
import type { Article, FieldProvenance, MetadataField, RawDocument, Skip } from "../../records.js";
import { fullDatesIn, parsePublicationDate } from "../dates.js";
import { detectLanguage } from "../language.js";
import { splitBlocks, wordCount } from "./blocks.js";
import { type BlockRole, classifyBlocks } from "./boilerplate.js";
import { parseAuthorBio, parseByline, parseDatedLine } from "./byline.js";
import { findEmbeds } from "./embeds.js";
import { findOutlet, SYNDICATION } from "./outlet.js";
import { isHeadlineShaped, isTitleCase, pickTitle } from "./title.js";

/** A bio is only a bio near the foot of the page; calibrated so a profile paragraph mid-story is kept. */
const BIO_TAIL_SHARE = 0.3;
/** Shorter title-case lines are kept: "Key Points" labels are handled by the boilerplate rules. */
const MIN_INLINE_HEADLINE_WORDS = 6;

/** Kept elsewhere in the article (its text, title, captions, embeds): not "removed". */
const SET_ASIDE = new Set(["body", "title", "caption", "embed"]);
/** How a reader calls a block role. */
const ROLE_NAMES: Record<string, string> = { nav: "menu", cut: "after the story", domain: "site name", dated: "date line" };

export interface TextArticleParts {
  article: Omit<Article, "id" | "source" | "extractedBy">;
  bodyBlocks: number;
}

export function extractTextArticle(doc: RawDocument): TextArticleParts | Skip {
  const blocks = splitBlocks(doc.body);
  if (blocks.length === 0) return { skip: "empty", source: doc.source, detail: "no text" };
  const roles: (BlockRole | "title" | "byline" | "dated" | "embed" | "bio")[] = classifyBlocks(blocks);
  const texts = blocks.map((b) => b.text);
  const provenance: Partial<Record<MetadataField, FieldProvenance>> = {};

  const embeds = findEmbeds(texts).map((m) => {
    for (const i of m.blockIndexes) roles[i] = "embed";
    return m.embed;
  });

  let authors: string[] = [];
  let publishedRaw: string | null = null;
  let modifiedRaw: string | null = null;
  texts.forEach((text, i) => {
    if (roles[i] === "cut") return;
    const byline = parseByline(text);
    if (byline && !authors.length) {
      authors = byline;
      roles[i] = "byline";
      provenance.authors = { from: "text:byline-line", confidence: 0.8 };
      return;
    }
    const dated = parseDatedLine(text);
    if (dated) {
      roles[i] = "dated";
      if (dated.label === "published") publishedRaw ??= dated.value;
      else modifiedRaw ??= dated.value;
    }
  });

  cutAuthorBio(texts, roles, (name) => {
    if (authors.length) return;
    authors = [name];
    provenance.authors = { from: "text:author-bio", confidence: 0.6 };
  });

  const titlePick = pickTitle(blocks, roles.map((r) => (r === "body" || r === "nav" ? r : "boilerplate")));
  if (titlePick?.blockIndex != null) {
    roles[titlePick.blockIndex] = "title";
    const lower = titlePick.title.toLowerCase();
    // The title printed again: in a breadcrumb, or glued to its photo credit as an image's alt text.
    texts.forEach((t, i) => {
      const tl = t.toLowerCase().replace(/^[•·\-–*]\s+/, "");
      if (i !== titlePick.blockIndex && tl.startsWith(lower) && tl.length - lower.length < 60) roles[i] = "caption";
    });
  }
  dropInlineHeadlines(texts, roles);
  const bodyIndexes = roles.flatMap((r, i) => (r === "body" ? [i] : []));
  // "(MENAFN- The Rio Times) A report…": the syndication credit names the outlet (outlet.ts), it is not the story.
  const text = bodyIndexes.map((i) => texts[i]!).join("\n\n").replace(SYNDICATION, "");
  if (!text.trim()) return { skip: "empty", source: doc.source, detail: "no article text left after removing boilerplate" };
  if (wordCount(text) < 30) return { skip: "too-short", source: doc.source, detail: `${wordCount(text)} words of article text` };

  const captions = roles.flatMap((r, i) => (r === "caption" ? [texts[i]!] : []));
  const evidence = [...embeds.map((e) => e.date).filter((d): d is string => !!d), ...captions.flatMap(fullDatesIn)];
  const published = publishedRaw ? parsePublicationDate(publishedRaw, evidence) : null;
  const modified = modifiedRaw ? parsePublicationDate(modifiedRaw, published ? [published.iso] : evidence) : null;
  if (published) provenance.publishedAt = { from: "text:dated-line", confidence: published.confidence };
  if (modified) provenance.modifiedAt = { from: "text:dated-line", confidence: modified.confidence };

  const firstBody = bodyIndexes[0] ?? blocks.length;
  const headNav = texts.slice(0, firstBody).filter((_, i) => roles[i] === "nav").map((t) => t.replace(/^[•·\-–*]\s+/, ""));
  // The record's URL (a .jsonl `url`) names the site even when the scraped text prints no domain line: "The Post has
  // learned" on a washingtonpost.com record is The Washington Post, not the table's prior for "the Post".
  const outlet = findOutlet(headNav, texts, bodyIndexes.map((i) => texts[i]!).join("\n\n"), doc.hints.url ?? null);
  if (outlet) provenance.outlet = outlet.provenance;
  if (titlePick) provenance.title = { from: titlePick.from, confidence: titlePick.confidence };
  const language = detectLanguage(text);
  if (language) provenance.language = { from: "text:stopwords", confidence: 0.8 };

  return {
    article: {
      url: null,
      outlet: outlet?.outlet ?? null,
      title: titlePick?.title ?? "",
      authors,
      publishedAt: published?.iso ?? null,
      modifiedAt: modified?.iso ?? null,
      language,
      text,
      captions,
      embeds,
      removed: capRemoved(texts.flatMap((t, i) => (SET_ASIDE.has(roles[i]!) ? [] : [{ role: ROLE_NAMES[roles[i]!] ?? roles[i]!, text: t }]))),
      provenance,
    },
    bodyBlocks: bodyIndexes.length,
  };
}

/**
 * A title-case line between paragraphs is a link to another story ("Crisis in Venezuela: Tension Grows…") or a
 * subheading; neither carries claims, and the first kind is about another event, so both leave the body.
 */
function dropInlineHeadlines(texts: readonly string[], roles: string[]): void {
  texts.forEach((text, i) => {
    if (roles[i] === "body" && isHeadlineShaped(text) && isTitleCase(text) && wordCount(text) >= MIN_INLINE_HEADLINE_WORDS) {
      roles[i] = "nav";
    }
  });
}

/** An author bio near the foot ("Jane Doe is a reporter…") ends the article: it and what follows go. */
function cutAuthorBio(texts: readonly string[], roles: string[], onAuthor: (name: string) => void): void {
  const from = Math.floor(texts.length * (1 - BIO_TAIL_SHARE));
  for (let i = Math.max(from, 0); i < texts.length; i++) {
    if (roles[i] !== "body") continue;
    const name = parseAuthorBio(texts[i]!);
    if (!name) continue;
    onAuthor(name);
    for (let j = i; j < texts.length; j++) if (roles[j] === "body") roles[j] = "bio";
    return;
  }
}
