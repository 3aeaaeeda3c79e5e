/** Typed wrappers over the HTTP API (docs/api.md). Errors come back as ApiError with the server's message. */
import type { Annotation, Article, Entity, Story, StoryComparison, Storyline } from "../../src/records.ts";

export interface StorySummary extends Story {
  coverage: { outlet: string; articles: number }[];
  claims: { total: number; corroborated: number; conflicting: number };
}
export interface StoryDetail {
  story: Story;
  /** null while a story has not been compared yet. */
  comparison: StoryComparison | null;
  articles: Article[];
  entities: Entity[];
}
export interface ArticleDetail {
  article: Article;
  annotations: Annotation[];
  storyId: string | null;
}
export interface Job {
  id: string;
  state: "queued" | "running" | "done" | "failed";
  total: number;
  processed: number;
  stored: number;
  failures: { source: string; error: string }[];
  skipped: { source: string; skip: string; detail?: string }[];
  storyIds: string[];
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}
/** One input of POST /api/jobs: a pasted text or a dropped file. */
export interface ArticleInput {
  text?: string;
  html?: string;
  title?: string;
  outlet?: string;
  publishedAt?: string;
  /** Names the input in messages and, lacking an id, is what the article's id is made from: a file's name. */
  source?: string;
}
export interface StoryFilter {
  q?: string;
  outlet?: string;
  from?: string;
  to?: string;
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { ...init, headers: { accept: "application/json", ...init?.headers } });
  const body = (await res.json().catch(() => null)) as (T & { error?: string }) | null;
  if (!res.ok || body === null) throw new ApiError(res.status, body?.error ?? `${res.status} ${res.statusText} from ${path}`);
  return body;
}

export function listStories(filter: StoryFilter = {}): Promise<{ total: number; stories: StorySummary[] }> {
  const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1]));
  query.set("limit", "500");
  return request(`/api/stories?${query}`);
}

export const listStorylines = (): Promise<{ storylines: Storyline[] }> => request("/api/storylines");
export const getStory = (id: string): Promise<StoryDetail> => request(`/api/stories/${encodeURIComponent(id)}`);
export const getArticle = (id: string): Promise<ArticleDetail> => request(`/api/articles/${encodeURIComponent(id)}`);
export const getJob = (id: string): Promise<{ job: Job }> => request(`/api/jobs/${encodeURIComponent(id)}`);

/** POST /api/files: .json and .jsonl records (news-please, NewsAPI, schema.org NewsArticle…), read by the server as the CLI reads them. */
export function uploadFiles(files: readonly File[], token: string): Promise<{ job: Job }> {
  const body = new FormData();
  for (const file of files) body.append("file", file, file.name);
  return request("/api/files", { method: "POST", headers: token ? { authorization: `Bearer ${token}` } : {}, body });
}

export function createJob(articles: ArticleInput[], urls: string[], token: string): Promise<{ job: Job }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  return request("/api/jobs", { method: "POST", headers, body: JSON.stringify({ articles, urls }) });
}
