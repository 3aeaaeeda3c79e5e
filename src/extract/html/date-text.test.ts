import { describe, expect, test } from "vitest";
import { parseDateText } from "./date-text.js";

describe("parseDateText", () => {
  test.each([
    ["24.01.2022", "2022-01-24"],
    ["Mittwoch, 02.03.2022", "2022-03-02"],
    ["1. Februar 2022 , Daniel Dillenburg", "2022-02-01"],
    ["3 de mayo de 2022", "2022-05-03"],
    ["3 mai 2022", "2022-05-03"],
    ["December 2, 2025", "2025-12-02"],
    ["May 3, 2022 at 5:00 pm", "2022-05-03T17:00:00"],
    ["2024-08-11T09:30:00-04:00", "2024-08-11T09:30:00-04:00"],
    // must-not: relative and partial dates never resolve against the reading time
    ["today", null],
    ["2 hours ago", null],
    ["vor 2 Stunden", null],
    ["November 21", null],
    ["31.02.2022", null],
  ])("%s → %s", (text, expected) => {
    expect(parseDateText(text)).toBe(expected);
  });
});
