import { describe, expect, test } from "vitest";
import { dateParts, readerDate, readerDateRange } from "./reader-dates.js";

describe("readerDate", () => {
  test.each([
    ["2024-08-11", {}, "11 Aug 2024"],
    ["2024-08-11", { contextYear: 2024 }, "11 Aug"],
    ["2024-08-11", { contextYear: 2023 }, "11 Aug 2024"],
    ["2025-01", { contextYear: 2025 }, "Jan 2025"],
    ["2024", {}, "2024"],
    ["--08-11", {}, "11 Aug (year unknown)"],
    ["--01", {}, "Jan (year unknown)"],
    ["2025-01", { yearInferred: true }, "Jan 2025 (year inferred)"],
    ["2024-08-11T09:30:00Z", {}, "11 Aug 2024"],
    ["yesterday", {}, "yesterday"],
    ["2024-13", {}, "2024-13"],
  ] as const)("%s %o → %s", (date, options, expected) => {
    expect(readerDate(date, options)).toBe(expected);
  });

  test("parts of each record form, and none of a non-date", () => {
    expect(dateParts("--09")).toEqual({ year: null, month: 9, day: null });
    expect(dateParts("2024-02-30")).toEqual({ year: 2024, month: 2, day: 30 });
    expect(dateParts("--")).toBeNull();
    expect(dateParts("12")).toBeNull();
  });

  test("a range says each shared part once", () => {
    expect(readerDateRange("2024-08-11", "2024-08-12")).toBe("11–12 Aug 2024");
    expect(readerDateRange("2024-08-30", "2024-09-02")).toBe("30 Aug – 2 Sep 2024");
    expect(readerDateRange("2023-12-30", "2024-01-02")).toBe("30 Dec 2023 – 2 Jan 2024");
    expect(readerDateRange("2024-08-11", "2024-08-11")).toBe("11 Aug 2024");
    expect(readerDateRange(null, null)).toBe("publication dates unknown");
  });
});
