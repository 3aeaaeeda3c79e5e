import { describe, expect, it } from "vitest";
import { findOutlet } from "./outlet.js";

const outletOf = (blocks: string[], body = blocks.join("\n\n")) => findOutlet([], blocks, body)?.outlet ?? null;

describe("findOutlet, normalised through the outlets table", () => {
  it("a wire's dateline gives the wire's canonical name", () => {
    expect(outletOf(["WASHINGTON (AP) — Lawmakers met on Tuesday to discuss the budget."])).toBe("Associated Press");
    expect(outletOf(["LONDON (Reuters) - Shares fell on Monday."])).toBe("Reuters");
  });

  it("a known domain outranks the parent company a copyright line names", () => {
    expect(outletOf(["www.wsj.com", "The Fed held rates steady.", "© 2025 Dow Jones & Company, Inc. All Rights Reserved."])).toBe("The Wall Street Journal");
  });

  it("'The Post has learned': the page's domain says which Post; without one, the table's prior", () => {
    const body = "Officials are weighing the offer, The Post has learned.";
    expect(outletOf([body])).toBe("New York Post");
    expect(outletOf(["www.washingtonpost.com", body])).toBe("The Washington Post");
    expect(outletOf(["denverpost.com", body])).toBe("The Denver Post");
  });

  it("an outlet the table lacks keeps the name its page gives; nothing said, nothing guessed", () => {
    expect(outletOf(["The council voted on Monday.", "© 2025 The Smallville Gazette. All rights reserved."])).toBe("The Smallville Gazette");
    expect(outletOf(["The council voted on Monday."])).toBeNull();
  });
});

describe("findOutlet with the URL the text came with", () => {
  const body = "Officials are weighing the offer, The Post has learned.";
  it("a known site in the URL settles a shared short form", () => {
    expect(findOutlet([], [body], body, "https://www.washingtonpost.com/world/2024/01/02/x/")?.outlet).toBe("The Washington Post");
  });
  it("a URL of a site the table lacks does not hide the domain the page prints", () => {
    expect(findOutlet([], ["denverpost.com", body], body, "https://mirror.example.org/a/1")?.outlet).toBe("The Denver Post");
  });
});
