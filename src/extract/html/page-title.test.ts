import { describe, expect, test } from "vitest";
import { splitTitle, tidyTitle } from "./page-title.js";

describe("splitTitle", () => {
  test.each([
    ["US weighed amnesty offer for Maduro | The Caracas Ledger", "US weighed amnesty offer for Maduro", ["The Caracas Ledger"]],
    ["Exiled Venezuelans watch talks from Madrid - The Harbor Post", "Exiled Venezuelans watch talks from Madrid", ["The Harbor Post"]],
    ["Headline about the election – World | Daily Post", "Headline about the election", ["World", "Daily Post"]],
    ["Muffin Grundrezept : Muffin Rezepte", "Muffin Grundrezept", ["Muffin Rezepte"]],
    // must-not: a colon inside a headline, a headline with no suffix, a short label before a long tail
    ["Nutzerbasierte Abrechnung: Musik-Stars fordern neues Streaming-Modell", "Nutzerbasierte Abrechnung: Musik-Stars fordern neues Streaming-Modell", []],
    ["Neu - Japanisches Mini-SUV auf dem Vormarsch", "Neu - Japanisches Mini-SUV auf dem Vormarsch", []],
  ])("%s", (title, headline, suffixes) => {
    expect(splitTitle(title)).toEqual({ headline, suffixes });
  });
});

describe("tidyTitle", () => {
  test.each([
    ["La perte des terres fertiles | DW", ["DW.COM"], null, "La perte des terres fertiles"],
    ["BMAS - Änderung der Anforderungen an Nachweise", ["bmas.de", "bmas"], null, "Änderung der Anforderungen an Nachweise"],
    ["News - Elder: Aus dem Ghetto nach Augusta", [], "Elder: Aus dem Ghetto nach Augusta", "Elder: Aus dem Ghetto nach Augusta"],
    // must-not: the outlet named inside the headline stays; an unrelated <h1> is ignored
    ["Día de la Madre: Trome celebró con las mamitas", ["Trome", "trome.pe"], null, "Día de la Madre: Trome celebró con las mamitas"],
    ["Maduro rechaza propuesta de amnistía", ["Diario del Sur"], "Lo más leído", "Maduro rechaza propuesta de amnistía"],
  ])("%s", (title, siteNames, h1, expected) => {
    expect(tidyTitle(title, siteNames, h1)).toBe(expected);
  });
});
