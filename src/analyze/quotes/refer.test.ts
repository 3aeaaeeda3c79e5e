import { expect, test } from "vitest";
import type { AnnotationOf } from "../../records.js";
import { tokenize } from "../../_lib/wink.js";
import { findEntities } from "../entities/find.js";
import { findQuotes } from "./find.js";
import { findIndirectQuotes } from "./indirect.js";
import { resolveSpeakers } from "./refer.js";

/** Every quote of the text (direct and reported) as [first words, speaker]. */
function speakers(text: string) {
  const entities = findEntities(text).map((e): AnnotationOf<"entity"> => ({ kind: "entity", by: "t", ...e }));
  const sentences = tokenize(text).sentences;
  const starts = sentences.map((s) => s[0]);
  const direct = findQuotes(text, entities, starts);
  const all = [...direct, ...findIndirectQuotes(text, sentences, direct, entities)].sort((a, b) => a.span[0] - b.span[0]);
  return resolveSpeakers(text, all, entities, starts).map((q) => [text.slice(q.span[0], q.span[1]).split(" ").slice(0, 3).join(" "), q.speaker]);
}

test.each([
  ["a role bound to the person the text names with that title",
    `Gov. Rick Perry signed the bill on Monday. “This is a good day for Texas,” the Texas governor said.`, [["This is a", "Rick Perry"]]],
  ["a role bound through an apposition",
    `Bernie Sanders, the Vermont senator, spoke in Iowa. Later the senator said, “We are going to win this state.”`, [["We are going", "Bernie Sanders"]]],
  ["“she” after a man was quoted goes to the woman",
    `Jennifer Roberts met Pat McCrory on Friday. “We will release the video,” McCrory said. “The question is the timing,” she said.`,
    [["We will release", "McCrory"], ["The question is", "Jennifer Roberts"]]],
  ["“he” after a woman was quoted goes to the man",
    `Senator Tim Kaine and Hillary Clinton toured the plant. “We can do better,” Clinton said. “I agree with every word,” he said.`,
    [["We can do", "Clinton"], ["I agree with", "Tim Kaine"]]],
  ["a document resolves to whoever issued it",
    `Campaign manager Jeff Weaver released a statement on Tuesday. “We will stay in this race until the end,” the statement said.`, [["We will stay", "Jeff Weaver"]]],
  ["a document with its issuer in the description",
    `“We need to win the states ahead,” said the email from campaign manager Robby Mook.`, [["We need to", "Robby Mook"]]],
  ["the speaker named after the quote wins over a name before it",
    `Clinton “drew quite well from working-class Democrats” in the 2008 primary, said professor Paul Beck.`, [["drew quite well", "Paul Beck"]]],
  ["a subordinate clause's verb governs the quote",
    `Axelrod tweeted after Clinton argued that “if everyone had voted as he voted, we would not have rescued it.”`, [["if everyone had", "Clinton"]]],
  ["an age after the name is not the speaker",
    `“That is a legitimate concern,” Susan Sarandon, 69, told MSNBC on Monday.`, [["That is a", "Susan Sarandon"]]],
] as const)("%s", (_, text, expected) => {
  expect(speakers(text)).toEqual(expected);
});

test.each([
  ["a role nobody in the text holds is not bound to a bystander",
    `Maria Lopez walked her dog. “The plant will close next year,” the company spokesman said.`, "Maria Lopez"],
  ["“she” is never a man the text calls Mr.",
    `Mr. John Smith spoke first. “We disagree with the ruling entirely,” she said.`, "John Smith"],
  ["a place after a name is not the speaker",
    `“The roads are closed,” said Jane Doe of Windham, New Hampshire.`, "New Hampshire"],
  ["a title in quotes is not a quote by the thing named",
    `The bill, known as the “Justice Against Sponsors of Terrorism Act,” passed on Friday.`, "The bill"],
] as const)("must not: %s", (_, text, wrong) => {
  expect(speakers(text).map(([, speaker]) => speaker)).not.toContain(wrong);
});
