/** Small, realistic feeds and sitemaps for the tests. */

export const words = (n: number, seed = "word") => Array.from({ length: n }, (_, i) => `${seed}${i}`).join(" ");

export const RSS2 = (full: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>The Example Times – World</title>
    <link>https://example.com/world/</link>
    <description>World news</description>
    <item>
      <title>Strikes on boats &amp; what we know</title>
      <link>/2025/06/10/strikes.html</link>
      <guid isPermaLink="false">ex-123</guid>
      <pubDate>Tue, 10 Jun 2025 14:30:00 +0200</pubDate>
      <dc:creator>Jane Roe</dc:creator>
      <dc:creator>John Doe</dc:creator>
      <description>&lt;p&gt;A short teaser.&lt;/p&gt;</description>
      <content:encoded><![CDATA[<p>${full}</p>]]></content:encoded>
    </item>
    <item>
      <title>No link here</title>
      <description>Skipped: nothing to read.</description>
    </item>
    <item>
      <title>Mailto is not a page</title>
      <link>mailto:desk@example.com</link>
    </item>
    <item>
      <title>Teaser only</title>
      <link>https://example.com/2025/06/11/teaser.html</link>
      <author>desk@example.com (World Desk)</author>
      <pubDate>not a date</pubDate>
    </item>
  </channel>
</rss>`;

export const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Daily Ledger</title>
  <id>tag:ledger.example,2025:feed</id>
  <updated>2025-06-10T12:00:00Z</updated>
  <entry>
    <title type="html">Rates &amp;amp; &lt;em&gt;markets&lt;/em&gt;</title>
    <link rel="alternate" type="text/html" href="articles/rates"/>
    <link rel="enclosure" href="https://cdn.ledger.example/rates.mp3"/>
    <id>tag:ledger.example,2025:rates</id>
    <published>2025-06-09T08:00:00Z</published>
    <updated>2025-06-10T09:00:00Z</updated>
    <author><name>Ana Lima</name></author>
    <summary>Rates rose.</summary>
    <content type="html">&lt;p&gt;The central bank raised rates.&lt;/p&gt;</content>
  </entry>
</feed>`;

export const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://old.example/rss">
    <title>Old Gazette</title>
    <link>https://old.example/</link>
    <description>Since 1999</description>
  </channel>
  <item rdf:about="https://old.example/story/1">
    <title>Council votes</title>
    <link>https://old.example/story/1</link>
    <description>The council voted.</description>
    <dc:date>2025-05-01T10:00:00+01:00</dc:date>
    <dc:creator>Bo Berg</dc:creator>
  </item>
</rdf:RDF>`;

export const JSON_FEED = JSON.stringify({
  version: "https://jsonfeed.org/version/1.1",
  title: "Wire Now",
  home_page_url: "https://wire.example/",
  items: [
    { id: "w-1", url: "https://wire.example/a/1", title: "Quake hits coast", content_text: "A quake hit the coast.", date_published: "2025-06-01T03:04:05Z", authors: [{ name: "Cy Dee" }] },
    { id: "w-2", url: "/a/2", title: "Relative", content_html: "<p>Relative link.</p>" },
    { id: "w-3", title: "No url" },
  ],
});

export const NEWS_SITEMAP = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://example.com/2025/06/10/strikes.html</loc>
    <lastmod>2025-06-10T15:00:00Z</lastmod>
    <news:news>
      <news:publication><news:name>The Example Times</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2025-06-10T12:30:00+00:00</news:publication_date>
      <news:title>Strikes on boats &amp; what we know</news:title>
    </news:news>
  </url>
  <url><loc>https://example.com/about</loc><lastmod>2024-01-02</lastmod></url>
  <url><loc>ftp://example.com/file</loc></url>
</urlset>`;

export const SITEMAP_INDEX = (children: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${children.map((c) => `  <sitemap><loc>${c}</loc><lastmod>2025-06-10</lastmod></sitemap>`).join("\n")}
</sitemapindex>`;

export const URLSET = (urls: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => `  <url><loc>${u}</loc></url>`).join("\n")}
</urlset>`;
