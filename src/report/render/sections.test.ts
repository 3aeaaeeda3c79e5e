import { expect, test } from "vitest";
import type { Claim } from "../../records.js";
import { describeChain, describeSide, distinctDisputes, inSectionOrder, sideSupports, singleSourceChains, STORY_SECTIONS } from "./sections.js";

const support = (articleId: string, start = 0) => ({ articleId, start, end: start + 5, text: "words" });
const claim = (id: string, over: Partial<Claim>): Claim =>
  ({ id, storyId: "s", text: `claim ${id}`, support: [support("a")], outlets: ["A"], independentSources: 1, primarySources: [], status: "single-source", conflicts: [], ...over }) as Claim;

test("chains: claims two or more outlets carry on one source, grouped by it, with who names it and who relays it", () => {
  const wsj = (outlets: string[], named: string[]) => ({ id: "wsj", name: "The Wall Street Journal", kind: "outlet" as const, via: "cited" as const, support: [0], outlets: named });
  const claims = [
    claim("1", { outlets: ["Israel Hayom", "The Rio Times"], sources: [wsj([], ["Israel Hayom"])] }),
    claim("2", { outlets: ["Israel Hayom", "unknown outlet (000_e744ca5dccc51e1c.txt)"], sources: [wsj([], ["Israel Hayom", "unknown outlet (000_e744ca5dccc51e1c.txt)"])] }),
    claim("3", { outlets: ["Israel Hayom"], sources: [wsj([], ["Israel Hayom"])] }), // one outlet: its own account, no chain
    claim("4", { outlets: ["A", "B"], status: "corroborated", independentSources: 2 }), // not single-source
  ];
  const chains = singleSourceChains(claims);
  expect(chains).toHaveLength(1);
  expect(chains[0]!.claims.map((c) => c.id)).toEqual(["1", "2"]);
  expect(describeChain(chains[0]!)).toBe("The Wall Street Journal → named by Israel Hayom, 000_e744ca5dc…; relayed by The Rio Times");
});

test("a dispute is said once; each side with its value, who gives it, and the outlets carrying it; cited even from the pair's other claim", () => {
  const sides = [{ value: "52%", sources: ["the council"], outlets: ["The Rio Times"], support: [0] }, { value: "67%", sources: ["the opposition"], outlets: ["The Rio Times"], support: [] }];
  const a = claim("a", { status: "disputed", dispute: { about: "who won", sides } });
  const b = claim("b", { status: "disputed", support: [support("c", 40)], dispute: { about: "who won", sides: [{ ...sides[1]!, support: [0] }, { ...sides[0]!, support: [] }] } });
  expect(distinctDisputes([a, b])).toHaveLength(1);
  expect(describeSide(sides[0]!).text).toBe("52% — the council (in The Rio Times)");
  expect(describeSide({ value: "3", sources: [], outlets: [], support: [] }).text).toBe("3 — unnamed");
  expect(sideSupports([a, b], a, sides[1]!)).toEqual([support("c", 40)]);
  expect(sideSupports([a, b], a, sides[0]!)).toEqual([support("a")]);
});

test("sections come out in STORY_SECTIONS order whatever order a renderer lists them in, the empty ones left out", () => {
  const ids = STORY_SECTIONS.map((s) => s.id);
  const render = Object.fromEntries([...ids].reverse().map((id) => [id, () => (id === "drift" ? null : id)])) as Record<(typeof ids)[number], () => string | null>;
  expect(inSectionOrder(render)).toEqual(ids.filter((id) => id !== "drift"));
});
