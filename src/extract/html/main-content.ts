/**
 * Which part of the page is the story. Paragraph-like blocks credit their ancestors (the parent fully, the
 * grandparent half, farther ones less), containers are weighed by their tag and class names, and the container
 * with the best score, discounted by its share of linked text, wins; its siblings that read like more of the
 * story join it. Then what the container still holds that is not story (link lists, image galleries, forms,
 * tiny link-laden boxes) is cleaned out.
 *
 * This is the scoring Mozilla Readability made the standard (its constants are kept where they are
 * Readability's), rewritten on htmlparser2's tree because Readability needs a browser DOM: on linkedom, the
 * fastest one, Readability extracts ~45 pages/s here, and this file's caller must do 2× better. What differs:
 * page furniture has already gone (boilerplate.ts), text measurements come from one pass (text-stats.ts), and
 * schema.org's articleBody and <article> count as evidence.
 */
import { all, childElements, first, isTag, isText, contains, descendants, type Element, matches, type Page, parentElement, textOf } from "./dom.js";
import { CleanCounts } from "./clean-counts.js";
import { BLOCK } from "./paragraphs.js";
import { addText, type TextMeasure, type TextStats } from "./text-stats.js";

/** Blocks whose text scores its ancestors. A <div> counts when it holds no block of its own (a div used as <p>). */
const SCORED = new Set(["p", "pre", "td", "section", "h2", "h3", "h4", "h5", "h6"]);
/** A <div> holding one of these is a container, not a paragraph (Readability's DIV_TO_P_ELEMS). */
const BLOCK_INSIDE = "blockquote, dl, div, img, ol, p, pre, table, ul, section, article, figure";
/** Calibration (trafilatura eval set): 15–25 score alike, 40 loses short paragraphs' votes. */
const MIN_PARAGRAPH_CHARS = 25;
/** Ancestors credited by each paragraph, and how: level 0 fully, level 1 half, then 1/(3·level). */
const ANCESTOR_LEVELS = 5;
const CLASS_WEIGHT = 25;
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;
const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;
/** Markup that says "this is the article text": worth as much as a good class name. */
const ARTICLE_BODY = "[itemprop=articleBody], [itemprop=articlebody]";
const TOP_CANDIDATES = 5;
/** Readability's "several top candidates share an ancestor" rule: that ancestor is the article. */
const SHARED_ANCESTOR_MIN = 3;
const ALTERNATIVE_SCORE_SHARE = 0.75;
const SIBLING_SHARE = 0.2;
/** Calibration (trafilatura eval set): 0.05–0.2 score alike; without the check, sidebars come along. */
const CLIMB_MAX_LINK_GAIN = 0.1;
const SIBLING_MIN_SCORE = 10;

export interface MainContent {
  /** The story's containers, in document order. */
  containers: Element[];
  /** Elements inside them that are not story: paragraphsOf skips them. The tree itself is left as it was. */
  dropped: Set<Element>;
}

export interface ContentOptions {
  /** Class and id names count (+25 / −25). Off on a retry when a misleading class hid the story. */
  weighClasses: boolean;
  /** Remove link lists, galleries and forms inside the chosen container. Off on a retry. */
  cleanConditionally: boolean;
}

/** The element(s) holding the story, or no container when the page has no paragraph at all. */
export function mainContent(page: Page, measure: TextMeasure, options: ContentOptions): MainContent {
  const body = page.body;
  const scores = scoreContainers(body, measure, options);
  const dropped = new Set<Element>();
  if (scores.size === 0) return { containers: [], dropped };

  const ranked = [...scores.entries()]
    .map(([el, score]) => ({ el, score: score * (1 - measure.linkDensity(el)) }))
    .sort((a, b) => b.score - a.score);
  const finalScore = new Map(ranked.map((c) => [c.el, c.score]));
  const climbed = climb(ranked.slice(0, TOP_CANDIDATES), finalScore, body, measure);
  const top = articleContainerAround(climbed, body, measure) ?? climbed;
  const containers = withSiblings(top, finalScore, measure, options);
  if (options.cleanConditionally) for (const el of containers) cleanConditionally(el, measure, options, dropped);
  return { containers, dropped };
}

function scoreContainers(body: Element, measure: TextMeasure, options: ContentOptions): Map<Element, number> {
  const scores = new Map<Element, number>();
  const holdsBlocks = containersOfBlocks(body);
  const credit = (paragraph: TextStats, holder: Element | null) => {
    if (paragraph.chars < MIN_PARAGRAPH_CHARS) return;
    const contentScore = 1 + paragraph.commas + Math.min(Math.floor(paragraph.chars / 100), 3);
    let ancestor = holder;
    for (let level = 0; ancestor && level < ANCESTOR_LEVELS; level++) {
      if (!scores.has(ancestor)) scores.set(ancestor, initialScore(ancestor, options));
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(ancestor, scores.get(ancestor)! + contentScore / divider);
      if (ancestor === body) break;
      ancestor = parentElement(ancestor);
    }
  };
  for (const el of descendants(body)) {
    if (SCORED.has(el.name) || (el.name === "div" && !holdsBlocks.has(el))) credit(measure.of(el), parentElement(el));
    // Text written straight into a container, between its blocks and <br>s, is paragraphs too (forums, old CMSs).
    else if (holdsBlocks.has(el)) for (const run of inlineRuns(el, measure)) credit(run, el);
  }
  return scores;
}

/** The stretches of text and inline elements between an element's block children and line breaks. */
function inlineRuns(el: Element, measure: TextMeasure): TextStats[] {
  const runs: TextStats[] = [];
  let run: TextStats = { chars: 0, linkChars: 0, commas: 0 };
  const end = () => {
    if (run.chars) runs.push(run);
    run = { chars: 0, linkChars: 0, commas: 0 };
  };
  for (const child of el.children) {
    if (isText(child)) addText(run, child.data);
    else if (isTag(child)) {
      if (child.name === "br" || BLOCK.has(child.name) || SCORED.has(child.name)) end();
      else {
        const stats = measure.of(child);
        run.chars += stats.chars;
        run.linkChars += stats.linkChars;
        run.commas += stats.commas;
      }
    }
  }
  end();
  return runs;
}

/** Every element with a block (BLOCK_INSIDE) somewhere below it, found in one pass up from each block. */
function containersOfBlocks(body: Element): Set<Element> {
  const holders = new Set<Element>();
  for (const block of all(body, BLOCK_INSIDE)) {
    for (let parent = parentElement(block); parent && !holders.has(parent); parent = parentElement(parent)) holders.add(parent);
  }
  return holders;
}

function initialScore(el: Element, options: ContentOptions): number {
  const byTag: Record<string, number> = { div: 5, pre: 3, td: 3, blockquote: 3, address: -3, ol: -3, ul: -3, dl: -3, dd: -3, dt: -3, li: -3, form: -3, th: -5 };
  let score = byTag[el.name] ?? (/^h[1-6]$/.test(el.name) ? -5 : 0);
  if (options.weighClasses) score += classWeight(el);
  if (matches(el, ARTICLE_BODY)) score += CLASS_WEIGHT;
  return score;
}

export function classWeight(el: Element): number {
  let weight = 0;
  for (const name of [el.attribs.class, el.attribs.id]) {
    if (!name) continue;
    if (NEGATIVE.test(name)) weight -= CLASS_WEIGHT;
    if (POSITIVE.test(name)) weight += CLASS_WEIGHT;
  }
  return weight;
}

/**
 * From the best-scoring container up to the element that really holds the story: the ancestor shared by
 * several near-best candidates (paragraph groups split by ads), a parent scoring higher than its child, and
 * the parent of an only child.
 */
function climb(top: readonly { el: Element; score: number }[], score: Map<Element, number>, body: Element, measure: TextMeasure): Element {
  let best = top[0]!.el;
  const bestScore = top[0]!.score;
  const alternatives = top.slice(1).filter((c) => c.score / Math.max(bestScore, 1e-9) >= ALTERNATIVE_SCORE_SHARE);
  if (alternatives.length >= SHARED_ANCESTOR_MIN) {
    for (let parent = parentElement(best); parent && parent !== body; parent = parentElement(parent)) {
      const sharing = alternatives.filter((c) => contains(parent!, c.el)).length;
      if (sharing >= SHARED_ANCESTOR_MIN) {
        best = parent;
        break;
      }
    }
  }
  let lastScore = score.get(best) ?? 0;
  const threshold = lastScore / 3;
  for (let parent = parentElement(best); parent && parent !== body; parent = parentElement(parent)) {
    const parentScore = score.get(parent);
    if (parentScore === undefined) continue;
    if (parentScore < threshold) break;
    // A parent that scores higher only thanks to a link-laden sidebar beside the story is not the story.
    if (parentScore > lastScore && measure.linkDensity(parent) <= measure.linkDensity(best) + CLIMB_MAX_LINK_GAIN) {
      best = parent;
      break;
    }
    lastScore = parentScore;
  }
  for (let parent = parentElement(best); parent && parent !== body && childElements(parent).length === 1; parent = parentElement(parent)) {
    best = parent;
  }
  return best;
}

/**
 * The page's own article container holding the pick, when there is one: page builders (WPBakery, Elementor)
 * split a story into rows of columns, and scoring picks one row; the `entry-content`, `articleBody` or
 * <article> around the rows is the whole story. Names are the conventions of the common CMSs and of
 * schema.org, not of a site.
 */
const ARTICLE_CONTAINER_CLASS =
  /^(entry-content|post-content|post-body|post-entry|article-body|article__body|articlebody|article-content|article__content|story-body|story-content|single-content|td-post-content)$/i;
/**
 * An article container this much more linked than the pick holds more than the story (teasers, link lists).
 * An <article> element also holds the headline block and the tag list, so it must add almost no links.
 * Calibration (trafilatura eval set): 0.1 for named containers; 0.01–0.02 for <article> (0.05: +8 leaks).
 */
const ARTICLE_CONTAINER_MAX_LINK_GAIN = 0.1;
const ARTICLE_ELEMENT_MAX_LINK_GAIN = 0.02;

function articleContainerAround(pick: Element, body: Element, measure: TextMeasure): Element | null {
  for (let up = parentElement(pick); up && up !== body; up = parentElement(up)) {
    const isArticle = up.name === "article";
    const isContainer = isArticle || matches(up, ARTICLE_BODY) || (up.attribs.class ?? "").split(/\s+/).some((c) => ARTICLE_CONTAINER_CLASS.test(c));
    if (!isContainer) continue;
    const gain = isArticle ? ARTICLE_ELEMENT_MAX_LINK_GAIN : ARTICLE_CONTAINER_MAX_LINK_GAIN;
    return measure.linkDensity(up) <= measure.linkDensity(pick) + gain ? up : null;
  }
  return null;
}

/** The container and those of its siblings that read as more of the story (Readability's sibling rule). */
function withSiblings(top: Element, score: Map<Element, number>, measure: TextMeasure, options: ContentOptions): Element[] {
  const parent = parentElement(top);
  if (!parent) return [top];
  const topScore = score.get(top) ?? 0;
  const threshold = Math.max(SIBLING_MIN_SCORE, topScore * SIBLING_SHARE);
  const topClass = top.attribs.class ?? "";
  const picked: Element[] = [];
  for (const sibling of childElements(parent)) {
    if (sibling === top) {
      picked.push(sibling);
      continue;
    }
    const bonus = topClass && sibling.attribs.class === topClass ? topScore * SIBLING_SHARE : 0;
    const siblingScore = score.get(sibling);
    if (siblingScore !== undefined && siblingScore + bonus >= threshold) {
      if (!options.weighClasses || classWeight(sibling) >= 0) picked.push(sibling);
      continue;
    }
    if (sibling.name !== "p") continue;
    const { chars } = measure.of(sibling);
    const density = measure.linkDensity(sibling);
    if ((chars > 80 && density < 0.25) || (chars > 0 && chars <= 80 && density === 0 && /\.( |$)/.test(textOf(sibling)))) picked.push(sibling);
  }
  return picked;
}

// ---------------------------------------------------------------------------------------------------------------
// Cleaning the chosen container.

const KEEP_SHARE_OF_CONTAINER = 0.5;
const AD_WORDS = /^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|anzeige|广告|Реклама|anuncio|publicidad|reklama)$/iu;
const LOADING_WORDS = /^((loading|正在加载|Загрузка|chargement|cargando|wird geladen)(…|\.\.\.)?)$/iu;

/**
 * Readability's conditional cleaning: inside the story container, tables, lists, divs, forms and asides that
 * look like anything but story text go (mostly links, more images than paragraphs, more inputs than a form
 * around a comment box would need, a lone embed). Innermost first, so a clean wrapper survives its cleaned
 * contents. Data tables and code are kept whole.
 */
function cleanConditionally(container: Element, measure: TextMeasure, options: ContentOptions, dropped: Set<Element>): void {
  const containerChars = measure.of(container).chars;
  const counts = new CleanCounts(measure);
  for (const el of all(container, "form, fieldset, table, ul, ol, div, section, aside, figure").reverse()) {
    // Whatever it looks like, what holds most of the chosen text is the story (an ASP.NET <form>, a linky wrapper).
    if (measure.of(el).chars > KEEP_SHARE_OF_CONTAINER * containerChars) continue;
    if (!shouldRemove(el, measure, options, counts)) continue;
    dropped.add(el);
    // Its wrapper is judged on what is left, as if it were already gone.
    measure.discount(el);
  }
}

function shouldRemove(el: Element, measure: TextMeasure, options: ContentOptions, counts: CleanCounts): boolean {
  if (counts.inCode(el) || counts.inDataTable(el)) return false;
  const inside = counts.inside(el);
  if (inside.hasDataTable) return false;
  const weight = options.weighClasses ? classWeight(el) + (matches(el, ARTICLE_BODY) ? CLASS_WEIGHT : 0) : 0;
  if (weight < 0) return true;
  const stats = measure.of(el);
  if (stats.commas >= 10) return false;

  if (stats.chars < 30) {
    const text = textOf(el);
    if (AD_WORDS.test(text) || LOADING_WORDS.test(text)) return true;
  }
  const { paragraphs, images, inputs, embeds } = inside;
  const listItems = inside.listItems - 100;
  const isList = el.name === "ul" || el.name === "ol" || (stats.chars > 0 && inside.outerListChars / stats.chars > 0.9);
  const inFigure = counts.inFigure(el);
  const density = measure.linkDensity(el);
  const headingDensity = stats.chars ? inside.headingChars / stats.chars : 0;

  if (!inFigure && images > 1 && paragraphs / images < 0.5) return true;
  if (!isList && listItems > paragraphs) return true;
  if (inputs > Math.floor(paragraphs / 3)) return true;
  if (!isList && !inFigure && headingDensity < 0.9 && stats.chars < 25 && (images === 0 || images > 2) && density > 0) return true;
  if (!isList && weight < 25 && density > 0.2) return true;
  if (weight >= 25 && density > 0.5) return true;
  if ((embeds === 1 && stats.chars < 75) || embeds > 1) return true;
  if (images === 0 && stats.chars === 0) return true;
  return false;
}
