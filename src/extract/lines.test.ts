import { describe, expect, test } from "vitest";
import { isBoilerplateLine, isCaptionLine, isEndOfStoryMarker } from "./lines.js";

describe("isBoilerplateLine", () => {
  test.each([
    "Share on Facebook",
    "Advertisement",
    "5 min read",
    "Lesezeit: 4 Min.",
    "Publiziert: 03.04.2020, 12:35",
    "Updated on January 17, 2021",
    "Tags: Venezuela, Maduro",
    "Themen: Ehrenamt Jugendverbände",
    "For the latest stories and breaking news updates download the Nationnews apps for iOS and Android.",
    "Never miss the latest news by signing up to our newsletter today!",
    "Warning: Creating default object from empty value in /www/htdocs/wp-includes/classes.php on line 12",
    "[contact-form-7 id=”508379″ title=”newsletter_subscribe”]",
  ])("furniture: %s", (line) => expect(isBoilerplateLine(line)).toBe(true));

  test.each([
    "Published by the ministry on Monday, the report says that costs rose by a third.",
    "Comments by the finance minister on Tuesday sent the bond market lower, traders said, " + "and the central bank declined to respond. ".repeat(8),
    "Updated figures from the electoral council showed Maduro with 52 percent of the vote.",
    "The company said it would follow the regulator's guidance on Twitter and Facebook accounts.",
  ])("story: %s", (line) => expect(isBoilerplateLine(line)).toBe(false));
});

describe("isCaptionLine", () => {
  test.each([
    "Photo: AFP",
    "Supporters march in Caracas on August 3. Photo: Leo Ramírez/AFP",
    "Lee Elder at Augusta in 1975. | © Augusta National/Getty Images",
    "Marco Odermatt, Ski-Star aus der Schweiz. © AFP / MARCO BERTORELLO",
    "A flooded street in Miami. (Credit: Clayton Aldern / Grist)",
  ])("caption: %s", (line) => expect(isCaptionLine(line)).toBe(true));

  test.each([
    "Reuters reported on Monday that the talks had stalled.",
    '"We will not leave," he told Reuters',
  ])("story: %s", (line) => expect(isCaptionLine(line)).toBe(false));
});

describe("isEndOfStoryMarker", () => {
  test.each(["Related Posts", "More from Politics", "You might also like", "Most read", "Vous aimerez aussi", "Das könnte Sie auch interessieren", "Lo más leído", "Czytaj także:"])(
    "marker: %s",
    (line) => expect(isEndOfStoryMarker(line)).toBe(true),
  );
  test.each(["Related talks broke down in March, officials said.", "More from the minister's speech is expected on Friday, when parliament meets."])(
    "story: %s",
    (line) => expect(isEndOfStoryMarker(line)).toBe(false),
  );
});
