import { describe, expect, it } from "vitest";
import { bindMentions } from "./bind.js";
import { findEntities } from "./find.js";

/** Every bound mention as "text → name (via)", with the evidence's text. */
function bound(text: string, context = {}) {
  return bindMentions(text, findEntities(text), context)
    .filter((m) => m.via)
    .map((m) => ({ text: text.slice(...m.span), name: m.name, via: m.via, evidence: m.evidence ? text.slice(...m.evidence) : null, confidence: m.confidence }));
}

describe("bindMentions", () => {
  it("binds a role description to the person the text gave the role, keeping the sentence words that bound it", () => {
    const text = "Texas Gov. Rick Perry signed the bill on Tuesday. The governor said the state would appeal. Later the Texas governor said he had no choice.";
    const out = bound(text);
    expect(out).toContainEqual(expect.objectContaining({ text: "The governor", name: "Rick Perry", via: "role", evidence: "Texas Gov. Rick Perry" }));
    expect(out).toContainEqual(expect.objectContaining({ text: "the Texas governor", name: "Rick Perry", via: "role" }));
  });

  it("joins full name, surname, title + surname and role for a fictional mayor", () => {
    const text = "Mayor Jane Okafor of Millbrook said the Harlow Bridge would reopen on May 3. Okafor told the council that Mayor Okafor's office had the plans. The mayor added that engineers agreed.";
    const names = new Set(bound(text).filter((m) => m.via !== "outlet").map((m) => m.name));
    expect(names).toEqual(new Set(["Jane Okafor"]));
    expect(bound(text).map((m) => m.via)).toEqual(expect.arrayContaining(["surname", "title", "role"]));
  });

  it("keeps a former and a current president apart", () => {
    const text = "Former President Bill Clinton met President Joe Biden on Monday. The president said the talks went well. The former president said little.";
    const out = bound(text);
    expect(out.find((m) => m.text === "The president")?.name).toBe("Joe Biden");
    expect(out.find((m) => m.text === "The former president")?.name).toBe("Bill Clinton");
  });

  it("reads a narrowing place: Venezuela's president is the Venezuelan president, not the U.S. one", () => {
    const text = "Venezuelan President Nicolás Maduro spoke after President Donald Trump did. Venezuela's president said the U.S. had no right.";
    expect(bound(text).find((m) => m.text === "Venezuela's president")?.name).toBe("Nicolás Maduro");
  });

  it("two people sharing a surname stay apart: a bare surname goes to the nearest, with low confidence", () => {
    const text = "John Smith, the city's treasurer, resigned. His brother Paul Smith, a lawyer, spoke later. Smith declined to comment.";
    const smith = bound(text).find((m) => m.text === "Smith");
    expect(smith?.name).toBe("Paul Smith");
    expect(smith!.confidence).toBeLessThan(0.7);
    expect(bound(text).find((m) => m.text === "the city's treasurer")).toMatchObject({ name: "John Smith", via: "apposition" });
  });

  it("a title narrows which of two same-surname people is meant", () => {
    const text = "Council member Ana Ruiz and Mayor Carlos Ruiz disagreed. Mayor Ruiz said the vote was final.";
    expect(bound(text).find((m) => m.text === "Ruiz")).toMatchObject({ name: "Carlos Ruiz", via: "title" });
  });

  it("binds no description when nobody holds the role, or when it is indefinite", () => {
    expect(bound("The governor said the state would appeal. Jane Doe, a teacher, disagreed.").filter((m) => m.via === "role")).toEqual([]);
    expect(bound("Mayor Jane Doe spoke. A mayor from another town disagreed.").filter((m) => m.via === "role")).toEqual([]);
  });

  it("joins an outlet's names and short forms: WSJ, Wall Street Journal, the Journal", () => {
    const text = "According to The Wall Street Journal, the deal was close. The Journal reports that WSJ reporters saw the papers.";
    const names = bound(text).map((m) => [m.text, m.name]);
    expect(names).toEqual([["Wall Street Journal", "The Wall Street Journal"], ["Journal", "The Wall Street Journal"], ["WSJ", "The Wall Street Journal"]]);
  });

  it("reads a newspaper's short form as the page's own outlet only when it has that short form", () => {
    const text = "The Post has learned that officials met on Friday.";
    expect(bound(text, { outlet: "New York Post" })[0]?.name).toBe("New York Post");
    expect(bound(text, { url: "https://www.denverpost.com/2025/a" })[0]?.name).toBe("The Denver Post");
    expect(bound(text, { outlet: "CNN" })).toEqual([]);
  });

  it("binds initials to the organisation named in full in the article", () => {
    const text = "The Federal Emergency Management Agency sent teams on Monday. FEMA said more would follow.";
    expect(bound(text).find((m) => m.text === "FEMA")).toMatchObject({ name: "Federal Emergency Management Agency", via: "acronym" });
  });

  it("takes a role the recogniser ran into a name out of it, so the name meets the person's other mentions", () => {
    const found = [
      { span: [0, 28] as const, type: "person" as const, name: "Attorney-General Wally Oppal" },
      { span: [40, 51] as const, type: "person" as const, name: "Wally Oppal" },
    ];
    const text = "Attorney-General Wally Oppal said so. Wally Oppal left.";
    const out = bindMentions(text, found);
    expect(out[0]).toMatchObject({ name: "Wally Oppal", span: [17, 28] });
    expect(bindMentions("Jane Doe said so.", [{ span: [0, 8], type: "person", name: "Jane Doe" }])[0]!.name).toBe("Jane Doe");
  });

  it("keeps one title word after a name as its surname, and takes off an abbreviated one", () => {
    const text = "A statue of Martin Luther King was unveiled.";
    expect(bindMentions(text, [{ span: [12, 30], type: "person", name: "Martin Luther King" }])[0]).toMatchObject({ name: "Martin Luther King", span: [12, 30] });
    expect(bindMentions("Apple's Tim Cook CEO spoke.", [{ span: [8, 20], type: "person", name: "Tim Cook CEO" }])[0]!.name).toBe("Tim Cook");
  });

  it("reads a role the text gives with a copula, an age aside", () => {
    const text = "Maria Lopez, 54, is the county's sheriff. On Monday the sheriff said the jail was full.";
    expect(bound(text).find((m) => m.text === "the sheriff")).toMatchObject({ name: "Maria Lopez", via: "role", evidence: "Maria Lopez, 54, is the county's sheriff" });
    expect(bound("Tom Reyes is a teacher. The sheriff said nothing.").filter((m) => m.via === "role")).toEqual([]);
  });
});

