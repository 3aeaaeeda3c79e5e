/**
 * Lines that are page furniture whatever the page was made of: the same rules serve scraped text (one block per
 * line, text/boilerplate.ts) and HTML (one paragraph per block element, html/body-lines.ts), so a phrase learnt
 * on one input helps the other. Rules are about the shape of web boilerplate, never about one site. The phrase
 * lists cover the languages with the larger shares of the eval set (English, German, French, Spanish, Polish,
 * Portuguese, Italian).
 */

/** Lines that open the way every CMS's furniture does: share and follow prompts, legal lines, tags, log-in. */
const BOILERPLATE_START = new RegExp(
  "^(share (on|this|via)|share$|tweet$|follow us|subscribe|sign up|newsletter|all rights reserved|copyright\\b|©|" +
    "terms (of|and) (use|service|conditions)|privacy policy|cookie|advertisement|sponsored|tags?:|topics?:|filed under|" +
    "themen:|schlagw(orte|örter):|tematy:|temas:|etiquetas:|sujets?:|mots-clés:|" +
    "source link|hosted by|contact us|about us|click here|photo of author|you can (e-?mail|follow|contact|reach)|" +
    "read more|continue reading|listen to (this|the) article|print this|comments?\\b|leave a (comment|reply)|" +
    "skip to|jump to|back to top|loading|please enable|this site uses|we use cookies|sign in|log in)",
  "i",
);
/** Above this length a line opening like furniture is a paragraph that happens to ("Comments by the minister…"). */
const BOILERPLATE_MAX_CHARS = 300;
/** Standalone lines that are widgets' labels, not prose. */
const WIDGET_LINE =
  /^[-–—\s]*(advertisement|anzeige|werbung|publicité|publicidad|reklama|sponsored( content)?|share( this( article| story| post)?)?|share on \w+|tweet|print( this)?|e-?mail|copy link|skip to (main )?content|follow us( on \w+)?|back to top|nach oben|comments are closed|kommentare (sind )?geschlossen|leave a (reply|comment)|kommentar schreiben|kommentare schreiben|\(?noch keine bewertungen\)?|\d+ min(ute)?s? read|(lesezeit:? )?\d+ min(uten|\.)?( lesezeit)?|\d+ minut[ya]? czytania|\d+ min de (lecture|lectura)|(published|publikacja|veröffentlicht|publié|publicado|posted)|(möchten sie )?(den|diesen) (artikel|beitrag) (mit anderen )?teilen|lade weitere inhalte|pour lire la suite|bild anzeigen|bild schließen|mit freunden teilen|drukuj|nos siga( no)?|(hier können sie )?(den|diesen) artikel bewerten|valora esta noticia|quellen (aus|ein)blenden)[-–—:?.…\s]*$/i;
/** WordPress-style shortcodes left in the text: "[contact-form-7 id=…]". */
const SHORTCODE = /^\[[\w-][^\]]*\]$/; // not [\w-]+[^\]]*: the two runs overlap, quadratic on "[aaaa…"

/**
 * "Published: 03.04.2020, 12:35", "Updated on 17 January 2021": the page's own publication stamp, printed
 * beside or under the story. Metadata, not story; the date itself is read by the metadata finders.
 */
const STAMP_LINE =
  /^(published|updated|last (updated|modified)|posted|publiziert|veröffentlicht|aktualisiert|zuletzt aktualisiert|letzte aktualisierung|publié|mis à jour|publicado|actualizado|opublikowano|zaktualizowano)( (am|on|le|el|at))?\s*:?\s*[\d.\-/:, ]*[\p{L}.]*[\d.\-/:, ]*(uhr|h|am|pm)?\.?$/iu;
const STAMP_MAX_CHARS = 60;

/**
 * The outlet selling itself: get the app, sign up for the newsletter, follow us. A sentence of the story would
 * not tell the reader to download anything.
 */
const SELF_PROMOTION =
  /\b(download (the|our) [\w ]{0,40}apps?\b|get the [\w ]{0,30}app\b|sign(ing)? up (to|for) (our|the) [\w ]{0,30}newsletter|subscribe to our [\w ]{0,30}(newsletter|channel)|follow (us|[A-Z][\w ]{0,30}) on (twitter|facebook|instagram|x|tiktok|youtube)\b|straight to your (phone|inbox))/i;
const SELF_PROMOTION_MAX_CHARS = 250;
/** A server error printed into the page: "Warning: Creating default object … on line 12". */
const SERVER_ERROR = /^(warning|notice|deprecated|fatal error|parse error)\s*:.{0,300} on line \d+/i;

/** Furniture: share and follow prompts, legal lines, widget labels, publication stamps, shortcodes. */
export function isBoilerplateLine(line: string): boolean {
  const text = line.trim();
  if (WIDGET_LINE.test(text) || SHORTCODE.test(text) || SERVER_ERROR.test(text)) return true;
  if (text.length <= SELF_PROMOTION_MAX_CHARS && SELF_PROMOTION.test(text)) return true;
  if (text.length <= STAMP_MAX_CHARS && STAMP_LINE.test(text) && /\d/.test(text)) return true;
  return text.length <= BOILERPLATE_MAX_CHARS && BOILERPLATE_START.test(text);
}

/** "Photo: AFP", "Photograph by …", "Credit: …", "Foto: dpa", "Crédits photos : …": a caption's credit line. */
const CREDIT_START = /^(photo(graph)?s?( by|:)|image( by|:)|picture( by|:)|credit:|foto( von|:)|bild( von|:)|bildquelle:|quelle: foto|cr[ée]dits? photos?\s?:|fotos?:|vergrößern\b|abbildung \d+:)/i;
const CREDIT_START_MAX_CHARS = 150;
/**
 * Photo agencies and credit forms that end captions: "…in Caracas. Getty Images", "| Photo: AP/Ariana Cubillos".
 * Every run is bounded ({1,40}, not +): the pattern is unanchored at its start, so an unbounded run would be
 * retried from every position of a long word, quadratic in its length.
 */
const CREDIT_END = new RegExp(
  "(\\|\\s{0,5}photo:.*|photo:\\s{0,5}[^.]{2,60}|©\\s{0,5}[^.©]{2,60}|\\(credit:[^)]{2,80}\\)|(getty images|shutterstock|reuters|associated press|ap photo|afp|epa|xinhua|bloomberg|" +
    "alamy|dpa|anadolu|sipa|efe|imago|flash90|x/@\\w{1,40}|instagram/@?\\w{1,40}|[a-z]{1,40}/[a-z]{1,40} [a-z]{1,40})(/[\\w .]{1,60})?)$",
  "i",
);
/** Captions are short: a credit at the end of a longer block ends a paragraph that cites a photographer. */
const CAPTION_MAX_WORDS = 60;
/**
 * 60 words of 10 characters with their spaces: no caption is longer, and the credit pattern then never reads
 * more than this, whatever the block (a 250 KB word once cost a minute).
 */
const CAPTION_MAX_CHARS = 660;

/** A photo caption or its credit line. */
export function isCaptionLine(line: string): boolean {
  const text = line.trim();
  if (text.length <= CREDIT_START_MAX_CHARS && CREDIT_START.test(text)) return true;
  // A credit ends a caption, not a paragraph: captions are short and their credit follows no quotation. The
  // cheap tests go first, so the pattern only ever reads a caption-sized line.
  if (text.length > CAPTION_MAX_CHARS || wordCount(text) > CAPTION_MAX_WORDS || /["“”]/.test(text.slice(-40))) return false;
  return CREDIT_END.test(text);
}

function wordCount(text: string): number {
  return text === "" ? 0 : text.split(/\s+/).length;
}

/**
 * A heading after which a page lists other stories ("Related posts", "Most read", "Vous aimerez aussi"):
 * everything below it is not this article.
 */
const END_OF_STORY = new RegExp(
  "^(" +
    [
      "related( (posts|articles|stories|content|coverage|news|reading|topics))?",
      "more (from( [\\w ]{1,30})?|stories|articles|news|on this( story| topic)?)",
      "recommended( for you| stories| articles)?",
      "read next|up next|what to read next|you (may|might) (also )?(like|enjoy)|most (read|popular|viewed|shared)|trending( now| stories)?",
      "already read\\?|more in this (section|channel)",
      "latest (news|stories)|source link|other stories|in other news|don't miss",
      // German
      "(das )?(könnte|dürfte) (sie|dich) auch interessieren|(das thema )?könnte (sie|dich) auch interessieren|auch interessant",
      "weitere (artikel|beiträge|themen|nachrichten|meldungen)|ähnliche (artikel|beiträge)|empfohlene (artikel|beiträge)",
      "mehr zum thema|weiterführende links?|lesen sie auch|meist(-| )?(gelesen|diskutiert|kommentiert)|top-?themen",
      "schon gelesen\\?|mehr aus (dem|der) [\\wäöüß-]+( [\\wäöüß-]+)?|mehr themen|themen im artikel|zum weiterlesen",
      "(weitere|zusätzliche) informationen( zum thema)?|zusatzinformationen|lesen sie auch( die folgenden beiträge)?",
      "weitere beiträge( aus [\\wäöüß ]{1,30})?|über (den|die) autor(in)?|about the author",
      "meistgelesene( artikel)?|neueste (artikel|beiträge)|aktuelle (meldungen|artikel|beiträge)( im fokus)?|mehr zum thema( auf [\\w.-]+)?",
      "vorschau auf den nächsten artikel|mehr interessantes",
      // French
      "à lire aussi|lire aussi|sur le même sujet|vous aimerez aussi|(audios et )?vidéos sur le sujet|les plus lus|dans la même rubrique",
      // Spanish, Portuguese, Italian
      "te puede interesar|noticias relacionadas|contenido relacionado|lo más leído|lo último|también te puede interesar|leia também|veja também|mais lidas",
      "potrebbe interessarti|leggi anche|articoli correlati",
      // Polish
      "czytaj (też|także|również)|zobacz (też|także|również)|najczęściej czytane|polecane",
    ].join("|") +
    ")\\s*[:!.…]?$",
  "i",
);
const END_OF_STORY_MAX_CHARS = 80;

export function isEndOfStoryMarker(line: string): boolean {
  const text = line.trim();
  return text.length <= END_OF_STORY_MAX_CHARS && END_OF_STORY.test(text);
}
