import { describe, expect, test } from "vitest";
import { cleanAuthors } from "./authors.js";

describe("cleanAuthors", () => {
  test.each([
    // [raw strings, outlet, expected names]
    [["By Jane Doe and John Roe"], null, ["Jane Doe", "John Roe"]],
    [["Von Roland Brockmann und Sebastian Drescher"], null, ["Roland Brockmann", "Sebastian Drescher"]],
    [["Jane Doe, Staff Writer"], null, ["Jane Doe"]],
    [["Veröffentlicht vonChris Jung", "Chris Jung"], null, ["Chris Jung"]],
    [["AuthorAndreas Kalt"], null, ["Andreas Kalt"]],
    [["Autor: Peter Maahn"], null, ["Peter Maahn"]],
    [["Jil Schuller Alle Artikel"], null, ["Jil Schuller"]],
    [["Heiko Sauer SHOW ALL ARTICLES OFHeiko Sauer"], null, ["Heiko Sauer"]],
    [["Jens Bergmann Foto: Michael Hudler"], null, ["Jens Bergmann"]],
    [["Christoph Hein Chefredakteur"], null, ["Christoph Hein"]],
    [["Por Lucía Fernández, Redacción Diario del Sur"], "Diario del Sur", ["Lucía Fernández"]],
    [["Ana Ruiz", "ana ruiz"], null, ["Ana Ruiz"]],
    [["gnaddrig"], null, ["gnaddrig"]],
  ])("%j → %j", (raw, outlet, expected) => {
    expect(cleanAuthors(raw, outlet)).toEqual(expected);
  });

  test.each([
    // must-not rows: desks, outlets, e-mails, URLs, initials, bare labels, the surname "Vonnegut" kept whole
    [["CNN Staff"], "CNN", []],
    [["The Caracas Ledger"], "The Caracas Ledger", []],
    [["jane@example.com"], null, []],
    [["https://example.com/author/jane"], null, []],
    [["Redaktion"], null, []],
    [["DT"], null, []],
    [["Von"], null, []],
    [["Kurt Vonnegut"], null, ["Kurt Vonnegut"]],
    [["Vonnegut"], null, ["Vonnegut"]],
    [["Minute Read"], null, []],
    [["By Jane Doe | 5 min read"], null, ["Jane Doe"]],
    [["Jane Doe, Minute Read"], null, ["Jane Doe"]],
    [["Reading time 4 minutes"], null, []],
    [["Monday"], null, []],
    [["Hanns-Seidel-Stiftung e.V."], null, []],
    [["Gelbe Liste Online"], null, []],
    [["L-MAG – Das Magazin für Lesben"], null, []],
    [["Gesponserte Inhalte"], null, []],
    [["Quelle"], null, []],
    [["August 11, 2024"], null, []],
  ])("must not: %j → %j", (raw, outlet, expected) => {
    expect(cleanAuthors(raw, outlet)).toEqual(expected);
  });
});
