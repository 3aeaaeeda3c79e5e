/** The words numbers are written with, and the words around them that say what they measure or how firmly. */

export const UNITS_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
export const SCALES: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, bn: 1e9, b: 1e9, tn: 1e12,
};
/** "dozens of", "thousands of": the smallest plural they allow (two of them), a lower bound rather than a guess. */
export const VAGUE_PLURALS: Record<string, number> = { dozens: 24, hundreds: 200, thousands: 2000, millions: 2e6, billions: 2e9 };
export const FRACTIONS: Record<string, number> = { half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4, fifth: 5, fifths: 5, tenth: 10, tenths: 10 };

export const CURRENCY_SIGNS: Record<string, string> = { "US$": "USD", "$": "USD", "C$": "CAD", "A$": "AUD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR" };
export const CURRENCY_WORDS: Record<string, string> = {
  dollars: "USD", dollar: "USD", euros: "EUR", euro: "EUR", "pounds sterling": "GBP", yen: "JPY", yuan: "CNY",
  rupees: "INR", rubles: "RUB", roubles: "RUB", pesos: "MXN", bolivars: "VES", bolívares: "VES",
};

/** Units after a number, longest first where one begins another; the value is the unit we report. */
export const MEASURE_UNITS: [RegExp, string][] = [
  [/^percentage points?\b/i, "percentage points"],
  [/^basis points?\b/i, "basis points"],
  [/^(?:%|percent\b|per cent\b|pct\b)/i, "%"],
  [/^points?\b/i, "points"],
  [/^nautical miles?\b/i, "nautical miles"],
  [/^square (?:miles?|kilometers?|kilometres?|km)\b/i, "square km or miles"],
  [/^(?:km|kilomet(?:er|re)s?)\b/i, "km"],
  [/^miles?\b/i, "miles"],
  [/^(?:met(?:er|re)s?)\b/i, "m"],
  [/^(?:feet|foot|ft)\b/i, "ft"],
  [/^(?:kg|kilograms?|kilos?)\b/i, "kg"],
  [/^(?:pounds|lbs?)\b/i, "lb"],
  [/^(?:tons?|tonnes?)\b/i, "t"],
  [/^(?:acres?)\b/i, "acres"],
  [/^(?:hectares?)\b/i, "ha"],
  [/^(?:barrels?)\b/i, "barrels"],
  [/^(?:gallons?)\b/i, "gallons"],
  [/^(?:degrees?)\b/i, "degrees"],
  [/^(?:yards?|yds?)\b/i, "yards"],
  [/^decades?\b/i, "decades"],
  [/^years?\b/i, "years"],
  [/^months?\b/i, "months"],
  [/^weeks?\b/i, "weeks"],
  [/^days?\b/i, "days"],
  [/^hours?\b/i, "hours"],
  [/^minutes?\b/i, "minutes"],
  [/^seconds?\b/i, "seconds"],
];

/** Nouns for people: what "80 people", "2,400 dissidents" and "eight million Venezuelans" count. */
export const PERSON_NOUNS = new Set(
  ("people persons residents citizens civilians soldiers troops migrants immigrants refugees asylum-seekers workers employees " +
    "children kids women men adults voters protesters demonstrators dissidents prisoners inmates detainees students patients members " +
    "officers police officials lawmakers legislators senators delegates candidates passengers victims survivors hostages fighters " +
    "militants rebels supporters americans individuals families households users customers deaths casualties injured dead " +
    "judges justices jurors doctors nurses teachers journalists reporters agents guards staff staffers borrowers democrats republicans " +
    "adults youths teens teenagers girls boys babies infants residents homeowners renters recipients applicants")
    .split(" "),
);
/** Plural demonyms ("Venezuelans", "Israelis", "Cubans") are people too. */
export const DEMONYM = /^\p{Lu}\p{Ll}+(?:ans|ians|eans|ese|is|ers|ards)$/u;

export const TIME_UNITS = new Set(["decades", "years", "months", "weeks", "days", "hours", "minutes", "seconds"]);

/**
 * Qualifiers before a number, as written: longest first so "more than" wins over "more". Each bounds or blurs the
 * value, and a claim that drops one ("at least 80" → "80") has drifted (DOMAIN.md).
 */
export const HEDGES = [
  "no more than", "no fewer than", "no less than", "not more than", "more than", "less than", "fewer than", "at least",
  "at most", "as many as", "as much as", "as few as", "as little as", "upwards of", "in excess of", "close to",
  "nearly", "almost", "about", "around", "roughly", "approximately", "some", "up to", "over", "under", "just over",
  "just under", "well over", "well under", "an estimated", "estimated", "an average of", "on average", "below", "above",
  "barely", "only", "just", "exactly", "precisely",
];
