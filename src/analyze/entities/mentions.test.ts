import { describe, expect, it } from "vitest";
import type { Span } from "../../records.js";
import { bindMentions } from "./bind.js";
import { singular } from "./established.js";
import { findEntities } from "./find.js";
import { linkMentions } from "./mentions.js";
import { phraseHead } from "./phrase.js";

/** Link the given phrases (each at its first occurrence after the previous one) and say what each became. */
function link(text: string, phrases: string[]): string[] {
  const spans: Span[] = [];
  let from = 0;
  for (const p of phrases) {
    const at = text.indexOf(p, from);
    if (at < 0) throw new Error(`no "${p}" after ${from}`);
    spans.push([at, at + p.length]);
    from = at + 1;
  }
  const links = linkMentions(text, bindMentions(text, findEntities(text)), spans);
  return links.map((l) => (l.kind === "entity" ? `${l.mention.name}${l.mention.via ? ` (${l.mention.via})` : ""}` : l.kind === "description" ? `description: ${l.head}` : l.kind === "same-as" ? `same as ${phrases[l.index]}` : "none"));
}

// Sentences from ECB+ news reports (train split) and PolNeAR-style political copy.
describe("linkMentions", () => {
  it("takes a pronoun's antecedent by sex: 'she' after a man's quote is the woman named before", () => {
    const text = "Tara Reid has entered the Promises Treatment Center in Malibu. People said Reid's representative Jack Ketsoyan confirmed the stay. He said she checked in herself.";
    expect(link(text, ["Tara Reid", "Jack Ketsoyan", "He", "she", "herself"])).toEqual(["Tara Reid", "Jack Ketsoyan", "Jack Ketsoyan (pronoun)", "Tara Reid (pronoun)", "Tara Reid (pronoun)"]);
  });

  it("reads a relative pronoun as the noun it follows, past an age and past a prepositional phrase", () => {
    const text = "Tara Reid, 33, who starred in American Pie, has entered rehab. Microsoft warned of a flaw in Internet Explorer that lets attackers in.";
    expect(link(text, ["Tara Reid", "who", "flaw", "Internet Explorer", "that"])).toEqual(["Tara Reid", "Tara Reid (pronoun)", "description: flaw", "Internet Explorer", "same as flaw"]);
  });

  it("gives 'they' a plural description before it, never the organisation named last", () => {
    const text = "Two robbers held up a Waitrose store on Monday. Waitrose said they fled in a van.";
    expect(link(text, ["robbers", "Waitrose", "they"])).toEqual(["description: robber", "Waitrose", "same as robbers"]);
  });

  it("keys a mention by its head, not its last word: 'in the Porta Nuova area of Palermo' is an area", () => {
    const text = "Police arrested him in the Porta Nuova area of Palermo on Tuesday.";
    const span: Span = [text.indexOf("in the"), text.indexOf(" on Tuesday")];
    expect(text.slice(...phraseHead(text, span).head)).toBe("area");
    expect(link(text, ["in the Porta Nuova area of Palermo"])).toEqual(["description: area"]);
  });

  it("reads a name before a classifying noun as the name ('People magazine', 'the Indonesian province of Aceh')", () => {
    const text = "Word comes from People magazine that the quake struck the Indonesian province of Aceh on Tuesday. Aceh was hit hard.";
    expect(link(text, ["People magazine", "the Indonesian province of Aceh", "Aceh"])).toEqual(["People", "Aceh", "Aceh"]);
  });

  it("but a place before a facility is where it is: 'the Gaza school' is a school", () => {
    const text = "Israeli shells hit the Gaza school run by the UN on Tuesday.";
    expect(link(text, ["the Gaza school"])).toEqual(["description: school"]);
  });

  it("binds a description to the name the article gave that noun ('actress Tara Reid' … 'the actress')", () => {
    const text = "Hollywood actress Tara Reid has checked into rehab. Her friend Jack Ketsoyan said software giant Microsoft had nothing to do with it. The actress declined to comment.";
    expect(link(text, ["The actress"])).toEqual(["Tara Reid (role)"]);
  });

  it("takes no headline's last word for what the name on the next line is", () => {
    // ECB+ train: the title "… IE Zero Day flaw" and the text opening "Microsoft said …" on the next line.
    const text = "Microsoft Releases Critical Patch For IE Zero Day flaw\n\nMicrosoft said today it would patch the flaw.";
    expect(link(text, ["flaw"]).concat(link(text, ["the flaw"]))).toEqual(["description: flaw", "description: flaw"]);
  });

  it("reads a capitalised everyday word the article also writes in lower case as a description ('Police' … 'police')", () => {
    const text = "Police Say Robbers Fled\n\nThe robbers left in a van, police said. Officers searched the area.";
    expect(link(text, ["Police", "Robbers", "police"])).toEqual(["description: police", "description: robber", "description: police"]);
  });

  it("reads a title alone as the role it names, not a person ('Surgeon General', 'U. S. Surgeon General')", () => {
    // ECB+ dev sentences: the role is one description however it is capitalised or narrowed.
    const text = "Obama wants CNN's Sanjay Gupta to be U. S. Surgeon General, officials said. Gupta would be the nation's Surgeon General. The U.S. surgeon general oversees 6,000 officers.";
    expect(link(text, ["Sanjay Gupta", "U. S. Surgeon General", "Surgeon General", "U.S. surgeon general"])).toEqual(["Sanjay Gupta", "description: general", "description: general", "description: general"]);
  });

  it("gives a name inside a description to the name, not to the person described ('the fifth NBA head coach')", () => {
    const text = "Maurice Cheeks became the fifth NBA head coach to be fired this season.";
    expect(link(text, ["Maurice Cheeks", "NBA"])).toEqual(["Maurice Cheeks", "NBA"]);
  });

  it("links a word of one longer name the recogniser missed alone ('Promises' → Promises Treatment Center)", () => {
    const text = "Tara Reid entered the Promises Treatment Center in Malibu. A spokesman confirmed her stay at Promises on Tuesday.";
    expect(link(text, ["Promises Treatment Center", "Promises"]).at(-1)).toBe("Promises Treatment Center (short-form)");
  });
});

describe("singular", () => {
  it("drops a plural ending and keeps words that end in s", () => {
    expect(["actresses", "companies", "stars", "boss", "series", "churches"].map(singular)).toEqual(["actress", "company", "star", "boss", "series", "church"]);
  });
});
