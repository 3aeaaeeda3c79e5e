/**
 * Verbs that introduce what someone said, in every form news uses them: "said", "says", "saying", "is
 * claiming", "had warned". Written as lemmas and conjugated here so that adding "scoff" adds "scoffed",
 * "scoffs" and "scoffing" at once; the irregular ones are listed with their forms.
 */

const REGULAR = [
  "add", "admit", "advise", "affirm", "allege", "announce", "answer", "argue", "ask", "assert", "assure", "boast",
  "brand", "caution", "charge", "chide", "claim", "comment", "complain", "concede", "conclude", "confirm", "contend",
  "continue", "counter", "declare", "demand", "denounce", "deny", "describe", "dismiss", "dub", "email", "emphasize",
  "exclaim", "explain", "fume", "gush", "huff", "indicate", "insist", "joke", "label", "lament", "maintain",
  "mock", "mention", "muse", "note", "object", "observe", "opine", "plead", "post", "praise", "predict",
  "proclaim", "promise", "protest", "question", "quip", "quote", "recall", "recount", "reiterate", "remark", "remind",
  "reply", "report", "repeat", "respond", "retort", "reveal", "scoff", "scold", "scream", "shout", "slam", "snap",
  "sneer", "state", "stress", "suggest", "tell", "testify", "text", "thunder", "tweet", "urge", "vow", "warn",
  "whisper", "wonder", "yell", "acknowledge", "blast", "call", "cite", "criticize", "exhort", "mutter", "release", "issue",
  "publish", "echo", "pledge", "thank", "liken", "interrupt", "concur", "accuse", "decry", "condemn", "deride", "hail",
  "tout", "beam", "bark", "chant", "agree", "snipe", "press", "ask", "interject", "criticise", "worry", "grumble", "rail", "snarl", "sigh", "laugh", "muse", "gripe",
] as const;

/** Forms that the spelling rules below would get wrong. */
const IRREGULAR: Record<string, readonly string[]> = {
  say: ["say", "says", "said", "saying"],
  tell: ["tell", "tells", "told", "telling"],
  write: ["write", "writes", "wrote", "written", "writing"],
  speak: ["speak", "speaks", "spoke", "speaking"],
  sing: ["sing", "sings", "sang", "singing"],
  swear: ["swear", "swears", "swore", "sworn", "swearing"],
  "put it": ["put it", "puts it", "putting it"],
  "go on": ["went on", "goes on", "going on"],
  read: ["reads", "read"],
  "point out": ["point out", "points out", "pointed out", "pointing out"],
  "shoot back": ["shoot back", "shoots back", "shot back", "shooting back"],
  "fire back": ["fire back", "fires back", "fired back", "firing back"],
  "hit back": ["hit back", "hits back", "hitting back"],
  "chime in": ["chime in", "chimes in", "chimed in", "chiming in"],
};

/** Verbs ending in a stressed consonant-vowel-consonant double it: "admitted", "dubbed", "slammed". */
const DOUBLING = new Set(["admit", "dub", "slam", "snap", "quip"]);

function forms(lemma: string): string[] {
  if (IRREGULAR[lemma]) return [...IRREGULAR[lemma]!];
  const third = /(s|sh|ch|x|z)$/.test(lemma) ? `${lemma}es` : /[^aeiou]y$/.test(lemma) ? `${lemma.slice(0, -1)}ies` : `${lemma}s`;
  const stem = DOUBLING.has(lemma) ? lemma + lemma.at(-1) : lemma;
  const past = lemma.endsWith("e") ? `${lemma}d` : /[^aeiou]y$/.test(lemma) ? `${lemma.slice(0, -1)}ied` : `${stem}ed`;
  const ing = /[^e]e$/.test(lemma) ? `${lemma.slice(0, -1)}ing` : `${stem}ing`;
  return [lemma, third, past, ing];
}

const ALL_FORMS = [...new Set([...REGULAR, ...Object.keys(IRREGULAR)].flatMap(forms))]
  // "object", "question", "point", "post" as bare lemmas are far more often nouns than speech: keep their verb forms only.
  .filter((form) => !["press", "object", "question", "post", "state", "text", "comment", "report", "quote", "label", "call", "charge", "release", "issue", "echo", "thank"].includes(form))
  .sort((a, b) => b.length - a.length);

/** A regex alternation (no group) of every speech-verb form, longest first so "saying" wins over "say". */
export const SPEECH_VERB = ALL_FORMS.map((f) => f.replace(/ /g, "\\s")).join("|");

const FORM_SET = new Set(ALL_FORMS);
export const isSpeechVerb = (word: string): boolean => FORM_SET.has(word.toLowerCase());
