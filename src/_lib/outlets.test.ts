import { describe, expect, it } from "vitest";
import table from "./outlets.json" with { type: "json" };
import { outletKey, outletOfDomain, outletsSharing, resolveOutlet } from "./outlets.js";

describe("resolveOutlet", () => {
  it("joins an outlet's names, acronyms and domain under one id", () => {
    const ids = ["WSJ", "Wall Street Journal", "The Wall Street Journal", "the Wall St. Journal", "wsj.com"].map((n) => resolveOutlet(n)?.id);
    expect(new Set(ids)).toEqual(new Set(["wsj"]));
    expect(resolveOutlet("WSJ")?.name).toBe("The Wall Street Journal");
    expect(resolveOutlet(null, "https://www.nytimes.com/2024/08/11/world/x.html")?.name).toBe("The New York Times");
    expect(resolveOutlet("AP")?.name).toBe("Associated Press");
    expect(resolveOutlet("The Associated Press")?.id).toBe("ap");
    expect(resolveOutlet("Agence France Presse")?.id).toBe("afp");
  });

  it("reads a short form only on its own domain", () => {
    expect(resolveOutlet("The Post", "nypost.com")?.name).toBe("New York Post");
    expect(resolveOutlet("The Post", "washingtonpost.com")?.name).toBe("The Washington Post");
    expect(resolveOutlet("the Journal", "wsj.com")?.id).toBe("wsj");
    // Cited on another site, "the Post" could be any Post: not guessed.
    expect(resolveOutlet("the Post", "cnn.com")).toBeNull();
    expect(resolveOutlet("the Times")).toBeNull();
    expect(outletsSharing("the Times").map((o) => o.id)).toEqual(expect.arrayContaining(["nytimes", "latimes", "thetimes"]));
  });

  it("a page speaking of itself: its domain first, else the table's prior for that short form", () => {
    expect(resolveOutlet("The Post", null, { selfReference: true })?.id).toBe("nypost");
    expect(resolveOutlet("The Post", "denverpost.com", { selfReference: true })?.id).toBe("denverpost");
    expect(resolveOutlet("The Times", null, { selfReference: true })).toBeNull(); // no prior: too many Times
  });

  it("keeps unlisted outlets under an id their spellings share", () => {
    const a = resolveOutlet("The Gazette of Smallville"), b = resolveOutlet("Gazette of Smallville");
    expect(a).toEqual({ id: "unlisted:gazette-of-smallville", name: "The Gazette of Smallville", known: false });
    expect(b?.id).toBe(a?.id);
    expect(resolveOutlet("smallvillegazette.com")?.id).toBe("unlisted:smallvillegazette-com");
    expect(resolveOutlet("  ")).toBeNull();
    expect(resolveOutlet(null)).toBeNull();
  });

  it("maps subdomains to the outlet of their registrable domain", () => {
    expect(outletOfDomain("edition.cnn.com")?.id).toBe("cnn");
    expect(outletOfDomain("feeds.bbci.example")).toBeNull();
    expect(outletOfDomain("not a domain")).toBeNull();
  });
});

describe("the outlets table", () => {
  const rows = (table as { outlets: { id: string; name: string; domains: string[]; aliases: string[]; shortForms?: string[]; selfReference?: string[] }[] }).outlets;

  it("gives every name and domain to one outlet only", () => {
    const seen = new Map<string, string>();
    for (const row of rows) {
      for (const key of [...row.domains.map((d) => `d:${d}`), ...[row.name, ...row.aliases].map((n) => `n:${outletKey(n)}`)]) {
        expect(seen.get(key) ?? row.id, `${key} is in both ${seen.get(key)} and ${row.id}`).toBe(row.id);
        seen.set(key, row.id);
      }
    }
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it("keeps short forms out of the aliases (an alias is read everywhere) and self-references among the short forms", () => {
    const aliasKeys = new Set(rows.flatMap((r) => [r.name, ...r.aliases].map(outletKey)));
    for (const row of rows) {
      for (const s of row.shortForms ?? []) expect(aliasKeys.has(outletKey(s)), `${row.id}: ${s}`).toBe(false);
      for (const s of row.selfReference ?? []) expect(row.shortForms ?? [], row.id).toContain(s);
    }
  });

  it("covers the wires and the major US, UK and international outlets", () => {
    for (const d of ["apnews.com", "reuters.com", "afp.com", "bloomberg.com", "nytimes.com", "wsj.com", "washingtonpost.com", "bbc.co.uk", "theguardian.com", "ft.com", "aljazeera.com", "lemonde.fr", "foxnews.com", "cnn.com", "nypost.com"]) {
      expect(outletOfDomain(d), d).not.toBeNull();
    }
  });
});
