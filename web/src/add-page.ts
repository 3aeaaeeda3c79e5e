/**
 * `/add`: paste a text or drop files, send them, and follow each job until it lands in stories. .txt and
 * .html/.htm files are read here in the browser; .json and .jsonl records go to the server as files (POST
 * /api/files), which reads them as the command line does. URLs are fetched by the server (politely, and never from
 * private addresses). Feeds, sitemaps and WARC archives are the command line's (`triangulate watch`, `ingest`).
 */
import { createJob, getJob, listStories, uploadFiles, type ArticleInput, type Job } from "./api.ts";
import { h, plural, type Page } from "./dom.ts";
import { storyHref } from "./links.ts";

const TOKEN_KEY = "triangulate.token";
const POLL_MS = 500;

export const renderAdd: Page = async (view) => {
  const picked: ArticleInput[] = [];
  const records: File[] = [];
  const text = h("textarea", { name: "text", rows: 8, "aria-label": "Article text", "data-testid": "paste-text", placeholder: "Paste an article's text, as copied from the browser" });
  const title = h("input", { name: "title", "data-testid": "paste-title" });
  const outlet = h("input", { name: "outlet", "data-testid": "paste-outlet" });
  const date = h("input", { name: "publishedAt", type: "date", "data-testid": "paste-date" });
  const files = h("input", { type: "file", multiple: true, accept: ".txt,.html,.htm,.json,.jsonl,text/plain,text/html,application/json", "data-testid": "file-input", id: "file-input" });
  const fileList = h("ul", { class: "files", "data-testid": "file-list", "aria-live": "polite" });
  const urls = h("textarea", { name: "urls", rows: 3, "aria-label": "Page addresses, one per line", "data-testid": "urls", placeholder: "https://…  (one per line)" });
  const token = h("input", { type: "password", name: "token", autocomplete: "off", value: localStorage.getItem(TOKEN_KEY) ?? "", "data-testid": "token" });
  const status = h("div", { "data-testid": "job-status", "aria-live": "polite" });
  const submit = h("button", { type: "submit", "data-testid": "submit" }, "Add articles");

  const addFiles = async (list: FileList | null) => {
    for (const file of Array.from(list ?? [])) {
      if (/\.jsonl?$/i.test(file.name)) {
        records.push(file);
        fileList.append(h("li", {}, `${file.name} (${/l$/i.test(file.name) ? "records, one per line" : "JSON"}, ${Math.ceil(file.size / 1024)} KB)`));
        continue;
      }
      const kind = /\.html?$/i.test(file.name) ? "html" : /\.txt$/i.test(file.name) ? "text" : null;
      if (!kind) {
        fileList.append(h("li", { class: "error" }, `${file.name}: not added, only .txt, .html, .htm, .json and .jsonl files are read`));
        continue;
      }
      picked.push({ [kind]: await readText(file), source: file.name });
      fileList.append(h("li", {}, `${file.name} (${kind === "html" ? "HTML" : "text"}, ${Math.ceil(file.size / 1024)} KB)`));
    }
  };
  files.addEventListener("change", () => void addFiles(files.files).then(() => (files.value = "")));
  const drop = h("div", { class: "drop", "data-testid": "drop-zone" },
    h("label", { for: "file-input" }, "Drop files here, or choose them: "), files,
    h("p", { class: "meta" }, "Plain text (.txt: a title line, then the article; lines such as “By …” or a date are read as its byline and date), saved web pages (.html, .htm: the article is found in the page, menus and ads left out), or records (.json: one article or an array; .jsonl: one per line; with text or html, and optional title, url, outlet, publishedAt, authors; news-please, NewsAPI and schema.org NewsArticle exports are read as they are)."), fileList);
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); void addFiles(e.dataTransfer?.files ?? null); });

  const form = h("form", { class: "add", "data-testid": "add-form" },
    h("fieldset", {}, h("legend", {}, "Paste a text"), text,
      h("div", { class: "row" },
        h("label", { class: "field" }, h("span", {}, "Title (optional)"), title),
        h("label", { class: "field" }, h("span", {}, "Outlet (optional)"), outlet),
        h("label", { class: "field" }, h("span", {}, "Published (optional)"), date))),
    h("fieldset", {}, h("legend", {}, "Or add files"), drop),
    h("fieldset", {}, h("legend", {}, "Or give addresses"), urls,
      h("p", { class: "meta" }, "Addresses of article pages (http or https). The server fetches each one, honouring robots.txt and refusing private addresses.")),
    h("label", { class: "field" }, h("span", {}, "Token (if the server sets TRIANGULATE_TOKEN; kept in this browser)"), token),
    submit, status);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    localStorage.setItem(TOKEN_KEY, token.value.trim());
    const pasted: ArticleInput[] = text.value.trim()
      ? [{ text: text.value, ...(title.value.trim() && { title: title.value.trim() }), ...(outlet.value.trim() && { outlet: outlet.value.trim() }), ...(date.value && { publishedAt: date.value }) }]
      : [];
    const articles = [...pasted, ...picked];
    const addresses = urls.value.split(/\s+/).map((u) => u.trim()).filter(Boolean);
    if (articles.length + addresses.length + records.length === 0) {
      status.replaceChildren(h("p", { role: "alert" }, "Nothing to add: paste a text, choose files or give addresses first."));
      return;
    }
    submit.disabled = true;
    status.replaceChildren(h("p", {}, `Sending ${plural(articles.length + addresses.length + records.length, "input")}…`));
    const files = records.splice(0);
    // Texts, pages and addresses go as one job; record files as another, which the server reads; each is followed.
    Promise.all([
      articles.length + addresses.length ? createJob(articles, addresses, token.value.trim()) : null,
      files.length ? uploadFiles(files, token.value.trim()) : null,
    ])
      .then((sent) => {
        picked.length = 0;
        fileList.replaceChildren();
        text.value = "";
        urls.value = "";
        const jobs = sent.filter((s) => s !== null).map((s) => s.job);
        const boxes = jobs.map(() => h("div", {}));
        status.replaceChildren(...boxes);
        return Promise.all(jobs.map((job, i) => follow(job, boxes[i]!)));
      })
      .catch((error: Error) => status.replaceChildren(h("p", { role: "alert", "data-testid": "job-error" }, error.message)))
      .finally(() => (submit.disabled = false));
  });

  view.append(h("h1", { tabindex: -1 }, "Add articles"),
    h("p", { class: "intro", "data-testid": "add-kinds" }, "Three ways in: paste an article's text, add files (text, saved web pages, or JSON records), or give page addresses. Each article is read, analysed and grouped into the stories it belongs to, and each story is compared across its outlets. Very short texts (a text under 30 words) are skipped as too short to compare."),
    form);
  return "Add articles";
};

const readText = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error(`cannot read ${file.name}: ${reader.error?.message ?? "unknown error"}`));
    reader.readAsText(file);
  });

/** Polls the job until it is done or failed, or until the user leaves the page. */
async function follow(job: Job, status: HTMLElement): Promise<void> {
  while (status.isConnected) {
    status.replaceChildren(progress(job));
    if (job.state === "done" || job.state === "failed") break;
    await new Promise((r) => setTimeout(r, POLL_MS));
    job = (await getJob(job.id)).job;
  }
  if (job.state !== "done" || !status.isConnected) return;
  const { stories } = await listStories();
  const landed = stories.filter((s) => job.storyIds.includes(s.id));
  status.append(h("h2", {}, "Landed in"), landed.length
    ? h("ul", { "data-testid": "job-stories" }, landed.map((s) => h("li", {}, h("a", { href: storyHref(s.id) }, s.title), h("span", { class: "meta" }, ` · ${plural(s.articleIds.length, "article")}`))))
    : h("p", {}, "No story: nothing was stored."));
}

function progress(job: Job): HTMLElement {
  const problems = [...job.failures.map((f) => `${f.source}: ${f.error}`), ...job.skipped.map((s) => `${s.source}: skipped (${s.skip}${s.detail ? `, ${s.detail}` : ""})`)];
  return h("div", { class: "job", "data-testid": "job", "data-state": job.state },
    h("label", {}, `Job ${job.state}: ${job.processed} / ${job.total} read`, h("progress", { max: job.total, value: job.processed })),
    job.state === "done" ? h("p", {}, `${plural(job.stored, "article")} stored.`) : null,
    job.error ? h("p", { role: "alert" }, job.error) : null,
    problems.length ? h("ul", { class: "problems" }, problems.map((p) => h("li", {}, p))) : null);
}
