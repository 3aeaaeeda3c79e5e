import { describe, expect, test } from "vitest";
import { removeBoilerplate } from "./boilerplate.js";
import { parseDocument, textOf } from "./dom.js";

const STORY = "<p>The council voted on Tuesday to extend the curfew by two weeks, citing a rise in incidents downtown.</p>".repeat(3);

function cleaned(body: string): string {
  const page = parseDocument(`<html><body>${body}</body></html>`);
  removeBoilerplate(page);
  return textOf(page.body);
}

describe("removeBoilerplate", () => {
  test.each([
    ["share bar", `<div class="post-share-buttons">Share on Facebook</div>`, "Share on Facebook"],
    ["related posts", `<section class="related-posts"><a href=/a>Other story</a></section>`, "Other story"],
    ["author bio", `<div class="author-bio">Jane Doe writes for Breitbart News.</div>`, "Breitbart"],
    ["newsletter", `<div class="newsletter-signup">Sign up for our newsletter</div>`, "Sign up"],
    ["comments", `<div id="comments"><p>${"Great article, I agree with every word of it. ".repeat(10)}</p></div>`, "Great article"],
    ["Related: link paragraph", `<p>Related: <a href=/x>What we know about the curfew</a></p>`, "What we know"],
    ["related heading and its list", `<h3>You might also like</h3><ul><li><a href=/1>One</a></li><li><a href=/2>Two</a></li></ul>`, "You might also like"],
    ["nav and footer", `<nav><a href=/>Home</a></nav><footer>© 2025 Site</footer>`, "Home"],
    ["ad slot", `<div class="proper-ad-unit">Advertisement</div>`, "Advertisement"],
    ["a log-in modal", `<div class="dark-modal"><p>Log in to keep reading and get our newsletter every morning.</p></div>`, "Log in"],
    ["hidden copies", `<div hidden>Hidden text</div><span style="display: none">Also hidden</span>`, "hidden"],
  ])("removes %s", (_, furniture, gone) => {
    const text = cleaned(`<article><h1>Curfew extended</h1>${STORY}${furniture}</article>`);
    expect(text).not.toContain(gone);
    expect(text).toContain("The council voted on Tuesday");
  });

  test.each([
    // must-not: layout classes that merely mention furniture words wrap the story itself
    ["a WordPress 'share' flag on the content div", `<div class="entry themeform share">${STORY}</div>`],
    ["a BEM modifier", `<section class="TestReport__Section--Ads">${STORY}</section>`],
    ["a state flag", `<div class="contentHeader has-sharing">${STORY}</div>`],
    ["a sidebar-aware article", `<article class="sticky-sidebar-parent">${STORY}</article>`],
    ["an ASP.NET form around the page", `<form id="aspnetForm"><div>${STORY}</div></form>`],
    ["a widget wrapper (Elementor)", `<div class="elementor-widget-container">${STORY}</div>`],
  ])("keeps %s", (_, body) => {
    expect(cleaned(`<div class="menu"><a href=/>Home</a></div>${body}`)).toContain("The council voted on Tuesday");
  });
});
