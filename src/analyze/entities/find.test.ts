import { expect, test } from "vitest";
import { findEntities } from "./find.js";

const names = (text: string, type?: string) => findEntities(text).filter((e) => !type || e.type === type).map((e) => e.name);

test.each([
  ["titles are not part of a name", "Venezuelan President Nicolás Maduro met Secretary of State Antony Blinken.", ["Nicolás Maduro", "Antony Blinken"]],
  ["a titled surname is a person", "President Trump spoke with Defense Secretary Pete Hegseth.", ["Trump", "Pete Hegseth"]],
  ["later surnames are the same person", "Emmanuel Macron arrived late. Macron then left.", ["Emmanuel Macron", "Macron"]],
  ["possessives are trimmed", "Angela Merkel's government fell.", ["Angela Merkel"]],
  ["an honorific and an initial", "Mr. Rove said John L. Burton had left.", ["Rove", "John L. Burton"]],
  ["a place before the title is not the name", "North Carolina Gov. Pat McCrory and Federal Reserve Chair Janet Yellen spoke.", ["Pat McCrory", "Janet Yellen"]],
  ["a party word is not part of the name", "Republican Donald Trump faced Democrat Hillary Clinton.", ["Donald Trump", "Hillary Clinton"]],
  ["a speech verb makes a person", "“We will not leave,” Machado told reporters.", ["Machado"]],
  ["a no-break space inside a name", "Republican nominee Donald\u00a0Trump spoke.", ["Donald\u00a0Trump"]],
  ["Title Case headlines split at everyday words", "New Poll Gives Hillary Clinton A Double-Digit Lead\n\nShe led.", ["Hillary Clinton"]],
  ["a name inside a compound", "He praised a Trump-proposed plan drafted by Donald Trump.", ["Trump", "Donald Trump"]],
  // ECB+ sentences (dev): a team, a workplace or a role run into a name is no part of it (issue 21).
  ["a team before a player's name", "Chargers Jamal Williams arrested for DUI", ["Jamal Williams"]],
  ["a team and a position before a name", "Chargers WR Jackson will play vs. Steelers", ["Jackson"]],
  ["a team before a name where a full stop is missing", "The game came at Pittsburgh against the Steelers Jackson enjoyed the best of his four NFL seasons in 2008 with 59 catches.", ["Jackson"]],
  ["where a person works is not part of the name", "News that Barack Obama may name Dr. Sanjay Gupta of Emory University and CNN as his Surgeon General has caused a spasm of celebrity reporting.", ["Barack Obama", "Sanjay Gupta"]],
  ["a role after the name is not part of it", "Barack Obama to Name Dr. Sanjay Gupta Surgeon General: Onion headline or actual news?", ["Barack Obama", "Sanjay Gupta"]],
  ["a title is a role, not a person", "U.S. Surgeon General Regina Benjamin spoke. The Surgeon General said so.", ["Regina Benjamin"]],
  ["a place after 'in' is no person", "People ran outside in panic in Banda Aceh as the quake shook houses, and in Medan city to the south of the province on Sumatra island.", []],
  ["a surname of the article's person, though a company has that name", "The reigning National Player of the Year passed Phil Ford for the record midway through the first half. Ford, now an assistant coach, finished his career in 1978 with 2,290 points.", ["Phil Ford", "Ford"]],
  ["a title in capitals before a name", "With last night's news from Los Angeles Angels GM Tony Reagins that the team has made an eight-year contract offer to 1B Mark Teixeira, the rumor is likely caput.", ["Tony Reagins", "Mark Teixeira"]],
  ["a state in a run is a place run into a name", "It was no small feat that Hansbrough accomplished Thursday night in the first half of North Carolina's game against Evansville North Carolina has established itself as the gold standard.", []],
  ["people stay whole", "Martin Luther King Jr. met Mary Jane Smith and the Jonas Brothers.", ["Martin Luther King Jr", "Mary Jane Smith"]],
  // A title then a first name and a surname is a person, though the surname is a head word ("Park", "Church").
  ["a titled person whose surname is a place word", "The council voted 5-2 on Tuesday. City Manager Lisa Park said repairs would start in June. Park said the city would pay.", ["Lisa Park", "Park"]],
  ["a titled person whose surname is an org word", "Springfield Police Officer Tom Church arrived first.", ["Tom Church"]],
  // must not match
  ["a group that speaks at a sentence's start is no person", "The Springfield Police Department opened an inquiry. Police said a man was arrested. Officials said nothing.", []],
  ["a sentence's everyday first word is no name", "Officials said the talks failed. Critics disagreed.", []],
  ["days, months and lone titles are no names", "On Monday, the President met the Secretary of State in September.", []],
  ["an org that speaks is not a person", "The Beige Book said growth slowed.", []],
] as const)("%s", (_, text, expected) => {
  expect(names(text, "person")).toEqual(expected);
});

test.each([
  ["org", "The Justice Department and the White House declined to comment.", ["Justice Department", "White House"]],
  ["org", "The Securities and Exchange Commission sued Johnson & Johnson and NATO.", ["Securities and Exchange Commission", "Johnson & Johnson", "NATO"]],
  ["org", "The Post has learned that Senate Majority Leader Mitch McConnell agreed.", ["Post", "Senate"]],
  ["place", "WASHINGTON — U.S. Sen. Marco Rubio flew from Caracas to South America and New York City.", ["WASHINGTON", "U.S.", "Caracas", "South America", "New York City"]],
  ["place", "US officials met in Doha.", ["US", "Doha"]],
  ["place", "People ran outside in panic in Banda Aceh as the quake shook houses, and in Medan city to the south of the province on Sumatra island.", ["Banda Aceh", "Medan"]],
  ["place", "HP will buy EYP Mission Critical Facilities HP of Palo Alto, Calif.", ["Palo Alto"]],
  ["place", "Lindsay Lohan checked into the Betty Ford Clinic in Rancho Mirage, Calif.", ["Rancho Mirage"]],
  ["org", "The game came at Pittsburgh against the Steelers Jackson enjoyed the best of his four NFL seasons.", ["Steelers", "NFL"]],
  ["org", "Chargers Jamal Williams arrested for DUI", ["Chargers", "DUI"]],
  // A surname in the word lists is outvoted by "in" ("Palmer" the Alaskan town); "GM" alone is a company.
  ["place", "Fire destroys historic Mat Maid dairy building in Palmer. Palmer police ask anyone with information to call. The Palmer water system held.", ["Palmer", "Palmer", "Palmer"]],
  ["org", "GM said sales rose in March.", ["GM"]],
  // ECB+ train: a plural after "the" is a team, which outvotes "in Chiefs red"; "Cannes" is no plural.
  ["org", "The Chiefs (2-13, 1-7 home) almost got to play the role of the Grinch in Chiefs red. The Chiefs are currently in line for the first overall pick.", ["Chiefs", "Chiefs", "Chiefs"]],
  ["place", "An armed man carried out a brazen robbery at a diamond exhibition at the Carlton hotel in Cannes.", ["Cannes"]],
  // ... but a saint's or a monarch's name names places and bodies
  ["org", "She studied at Saint Thomas University in Miami.", ["Saint Thomas University"]],
  ["place", "Crowds gathered in Queen Elizabeth Park.", ["Queen Elizabeth Park"]],
  ["place", "Fire crews from Devon and Somerset Fire and Rescue were called.", ["Devon"]],
  // PolNeAR: "from" goes with people too
  ["person", "She had come to believe a great deal, from Obama being a founder of the terrorist group to more.", ["Obama"]],
  // a position alone is no organisation
  ["org", "No QB has ever had seven game-winning drives in one year.", []],
  // "in" before everyday words is as often a product or a work
  ["place", "Microsoft warned of a flaw in Internet Explorer that lets attackers in.", []],
  // must not match: everyday words in capitals, time zones, titles
  ["org", "Watch it on TV at 9 p.m. EDT, the CEO said.", []],
] as const)("%s: %s", (type, text, expected) => {
  expect(names(text, type)).toEqual(expected);
});

test("accents are kept for display", () => {
  expect(names("Nicolás Maduro spoke. Nicolas Maduro left.", "person")).toEqual(["Nicolás Maduro", "Nicolas Maduro"]);
});

test("a name's spans point at the name", () => {
  const text = "Officials said Jorge Rodríguez led the talks in Caracas for Venezuela’s government.";
  const found = findEntities(text);
  expect(found.map((e) => e.name)).toEqual(["Jorge Rodríguez", "Caracas", "Venezuela"]);
  for (const e of found) expect(text.slice(e.span[0], e.span[1])).toBe(e.name);
});

test("empty and blank text yield nothing", () => {
  expect(findEntities("")).toEqual([]);
  expect(findEntities(" \n\n ")).toEqual([]);
});

test("a direction opens a place's name, but not a demonym's ('Central Aceh' is a place, 'South American' none)", () => {
  const found = findEntities("The quake struck Central Aceh on Tuesday, and South American leaders sent help to South Charleston.");
  expect(found.map((e) => [e.name, e.type])).toEqual([["Central Aceh", "place"], ["South Charleston", "place"]]);
});
