import { expect, test } from "vitest";
import { feedLinksOf } from "./feed-links.js";

test("a page's announced article feeds, absolute, each once; comment feeds, other alternates and stylesheets left out", () => {
  const page = `<!doctype html><html><head>
    <link rel="stylesheet" href="/style.css">
    <link rel="alternate" type="application/rss+xml" title="The Ledger &raquo; Feed" href="/feed/">
    <link rel="alternate" type="application/rss+xml" title="The Ledger &raquo; Comments Feed" href="/comments/feed/">
    <LINK REL="Alternate" TYPE="application/atom+xml" HREF="https://ledger.example/atom.xml">
    <link rel="alternate" hreflang="es" href="https://ledger.example/es/">
    <link rel="alternate" type="application/feed+json" href="feed.json">
    <link rel="alternate" type="application/rss+xml" href="/feed/">
    <link rel="alternate" type="application/rss+xml" href="http://[bad">
  </head><body><a href="/rss.xml">RSS</a></body></html>`;
  expect(feedLinksOf(page, "https://ledger.example/world/")).toEqual([
    "https://ledger.example/feed/", "https://ledger.example/atom.xml", "https://ledger.example/world/feed.json",
  ]);
  expect(feedLinksOf("<html><head><title>No feeds</title></head></html>", "https://ledger.example/")).toEqual([]);
});
