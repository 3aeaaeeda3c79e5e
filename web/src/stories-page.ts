/** `/`: the stories, newest first, with a search box and outlet and date filters kept in the URL. */
import { listStories, type StoryFilter, type StorySummary } from "./api.ts";
import { h, plural, type Page } from "./dom.ts";
import { dateRange, navigate, storyHref } from "./links.ts";
import { coverageBar } from "./coverage.ts";

export const renderStories: Page = async (view, _params, url) => {
  const filter: StoryFilter = Object.fromEntries(["q", "outlet", "from", "to"].map((k) => [k, url.searchParams.get(k) ?? ""]));
  const filtered = Object.values(filter).some(Boolean);
  const [{ stories, total }, all] = await Promise.all([listStories(filter), filtered ? listStories() : null]);
  const outlets = [...new Set((all ?? { stories }).stories.flatMap((s) => s.coverage.map((c) => c.outlet)))].sort();
  view.append(
    h("h1", { tabindex: -1 }, "Stories"),
    filterForm(filter, outlets),
    h("p", { class: "meta", "data-testid": "story-count", role: "status" }, filtered ? `${plural(total, "story", "stories")} match` : plural(total, "story", "stories")),
    stories.length
      ? h("ul", { class: "stories", "data-testid": "stories" }, stories.map(storyItem))
      : h("p", { "data-testid": "no-stories" }, filtered ? "No story matches these filters." : "No stories yet. ", filtered ? null : h("a", { href: "/add" }, "Add articles"), filtered ? null : " to start."),
  );
  return "Stories";
};

function storyItem(s: StorySummary): HTMLElement {
  const articles = s.articleIds.length;
  return h("li", { class: "story card", "data-testid": "story-item" },
    h("h2", {}, h("a", { href: storyHref(s.id), "data-testid": "story-link" }, s.title)),
    h("p", { class: "meta" },
      `${plural(articles, "article")} · ${plural(s.coverage.length, "outlet")} · ${dateRange(s.firstPublished, s.lastPublished)} · `,
      `${plural(s.claims.total, "claim")}, ${s.claims.corroborated} corroborated, ${s.claims.conflicting} conflicting`),
    coverageBar(s.coverage, articles),
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
