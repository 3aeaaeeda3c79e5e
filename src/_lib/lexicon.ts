/**
 * Words that name a person's role or characterise them. Hand-made for the first cut; the bias issue replaces
 * the loaded list with one learned from BABE/MBIC's annotated biased words.
 */

/** Neutral titles and roles: "President Nicolás Maduro", "Secretary of State Marco Rubio". */
export const ROLE_WORDS = new Set(
  ("president vice-president vice prime minister secretary senator sen rep representative governor mayor leader chief " +
    "chancellor king queen prince general gen colonel col ambassador envoy spokesman spokeswoman spokesperson judge " +
    "justice attorney director chairman chairwoman chair ceo founder minister commissioner candidate opposition former " +
    "mr mrs ms dr sir lord lady pope sheikh emir official officials diplomat expert analyst press state defense defence " +
    "foreign interior treasury house white top deputy acting interim").split(" "),
);

/**
 * Loaded terms: labels that judge rather than describe. Calibration: the terms most often marked biased in
 * political coverage (name-calling, dehumanising and partisan epithets); "regime" for a government is loaded,
 * "administration" is not.
 */
export const LOADED_WORDS = new Set(
  ("dictator dictators dictatorship strongman tyrant tyrannical despot despotic autocrat autocratic thug thugs " +
    "regime lackey lackeys puppet puppets henchmen cronies commie commies communist socialist marxist radical " +
    "extremist extremists fascist corrupt crooked illegitimate narco narco-terrorist narco-state terrorist " +
    "beleaguered disgraced embattled notorious brutal ruthless murderous criminal cartel mastermind madman " +
    "fading collapsing sham bogus rigged stolen fraudulent").split(" "),
);

/** Nouns that can stand for a person in a definite description ("the strongman", "the beleaguered leader"). */
export const PERSON_NOUNS = new Set(
  ("dictator strongman tyrant despot autocrat leader president ruler head strongmen chavista socialist").split(" "),
);

/**
 * Hedges: words that hold a claim at a distance ("alleged drug boats", "reportedly offered"). Dropping one as a
 * claim travels is drift (DOMAIN.md). Multi-word entries are matched as phrases.
 */
export const HEDGE_TERMS = [
  "alleged", "allegedly", "reportedly", "purportedly", "purported", "supposedly", "ostensibly", "apparently",
  "seemingly", "presumably", "putative", "unconfirmed", "unverified", "so-called", "claimed to", "claims to",
  "claiming to", "said to be", "said to have", "believed to be", "thought to be", "according to unnamed",
] as const;
