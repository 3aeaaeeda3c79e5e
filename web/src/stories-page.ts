/** `/`: the stories, newest first, with a search box and outlet and date filters kept in the URL. */
import type { Storyline } from "../../src/records.ts";
import { listStories, listStorylines, type StoryFilter, type StorySummary } from "./api.ts";
import { h, plural, type Page } from "./dom.ts";
import { dateRange, navigate, storyHref } from "./links.ts";
import { coverageBar, leanLine } from "./coverage.ts";

export const renderStories: Page = async (view, _params, url) => {
  const filter: StoryFilter = Object.fromEntries(["q", "outlet", "from", "to"].map((k) => [k, url.searchParams.get(k) ?? ""]));
  const filtered = Object.values(filter).some(Boolean);
  const [{ stories, total }, all, { storylines }] = await Promise.all([listStories(filter), filtered ? listStories() : null, listStorylines()]);
  // Known outlets only: an "unknown outlet (file)" is one article, not an outlet to filter by.
  const outlets = [...new Set((all ?? { stories }).stories.flatMap((s) => s.outlets ?? []))].sort();
  view.append(
    h("h1", { tabindex: -1 }, "Stories"),
    filterForm(filter, outlets),
    h("p", { class: "meta", "data-testid": "story-count", role: "status" }, filtered ? `${plural(total, "story", "stories")} match` : plural(total, "story", "stories")),
    stories.length
      ? h("ul", { class: "stories", "data-testid": "stories" }, groupByStoryline(stories, storylines))
      : h("p", { "data-testid": "no-stories" }, filtered ? "No story matches these filters." : "No stories yet. ", filtered ? null : h("a", { href: "/add" }, "Add articles"), filtered ? null : " to start."),
  );
  return "Stories";
};

/**
 * Stories that continue one another (one storyline) are listed together, oldest first so they read as they
 * unfolded, where the newest of them falls in the list; a story alone in its storyline is listed by itself.
 */
function groupByStoryline(stories: StorySummary[], storylines: Storyline[]): HTMLElement[] {
  const members = new Map<string, StorySummary[]>();
  for (const s of stories) members.set(s.storylineId, [...(members.get(s.storylineId) ?? []), s]);
  const titles = new Map(storylines.map((l) => [l.id, l.title]));
  const listed = new Set<string>();
  return stories.flatMap((s) => {
    const line = members.get(s.storylineId)!;
    if (line.length < 2) return [storyItem(s)];
    if (listed.has(s.storylineId)) return [];
    listed.add(s.storylineId);
    // Undated stories last: where they fall in the storyline is unknown.
    const inOrder = [...line].sort((a, b) => (a.firstPublished ?? "\uffff").localeCompare(b.firstPublished ?? "\uffff"));
    const firsts = line.flatMap((x) => x.firstPublished ?? []).sort();
    const lasts = line.flatMap((x) => x.lastPublished ?? []).sort();
    return [h("li", { class: "storyline", "data-testid": "storyline" },
      h("p", { class: "meta storyline-head" }, `Storyline · ${plural(line.length, "story", "stories")} · `,
        dateRange(firsts[0] ?? null, lasts.at(-1) ?? null), " · ", titles.get(s.storylineId) ?? ""),
      h("ul", { class: "stories" }, inOrder.map(storyItem)))];
  });
}

function storyItem(s: StorySummary): HTMLElement {
  const articles = s.articleIds.length;
  return h("li", { class: "story card", "data-testid": "story-item" },
    h("h2", {}, h("a", { href: storyHref(s.id), "data-testid": "story-link" }, s.title)),
    h("p", { class: "meta" },
      `${plural(articles, "article")} · ${plural(s.coverage.length, "outlet")} · ${dateRange(s.firstPublished, s.lastPublished)} · `,
      `${plural(s.claims.total, "claim")}, ${s.claims.corroborated} corroborated, ${s.claims.conflicting} disputed`),
    coverageBar(s.coverage, articles),
    leanLine(s.coverage),
  );
}

function filterForm(filter: StoryFilter, outlets: string[]): HTMLFormElement {
  const field = (label: string, input: HTMLElement) => h("label", { class: "field" }, h("span", {}, label), input);
  const form = h("form", { class: "filters", role: "search", "data-testid": "story-filters" },
    field("Search", h("input", { type: "search", name: "q", value: filter.q, placeholder: "words in titles or outlets", "data-testid": "search" })),
    field("Outlet", h("select", { name: "outlet", "data-testid": "filter-outlet" },
      h("option", { value: "" }, "any outlet"),
      outlets.map((o) => h("option", { value: o, selected: o === filter.outlet }, o)))),
    field("From", h("input", { type: "date", name: "from", value: filter.from })),
    field("To", h("input", { type: "date", name: "to", value: filter.to })),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Filter"), " ", h("a", { href: "/" }, "clear")),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = new URLSearchParams([...new FormData(form)].filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
    navigate(query.size ? `/?${query}` : "/");
  });
  return form;
}
