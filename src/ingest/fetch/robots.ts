/**
 * robots.txt, read the way Google reads it: a missing file (4xx) allows everything, one the server fails to
 * serve (5xx, 429, timeout) disallows everything until it can be read, since we cannot know what it forbids.
 */
import robotsParserModule from "robots-parser";

// robots-parser is CommonJS (module.exports = function): at runtime the default import is the function itself.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

/** Crawl-delay above this is treated as this: a robots.txt asking for an hour between requests would stall a run. */
export const MAX_CRAWL_DELAY_MS = 60_000;
/** Google reads the first 500 KiB of a robots.txt; we cap the download there too. */
export const MAX_ROBOTS_BYTES = 512 * 1024;

export type RobotsRules =
  | { kind: "rules"; isAllowed: (url: string) => boolean; crawlDelayMs: number }
  | { kind: "allow-all" }
  | { kind: "disallow-all"; reason: string };

export const robotsUrl = (url: URL): string => `${url.origin}/robots.txt`;

/** The rules for one origin from the answer to GET /robots.txt. `agent` is our product token ("Triangulate"). */
export function robotsFromResponse(robotsTxtUrl: string, status: number, body: string, agent: string): RobotsRules {
  if (status >= 200 && status < 300) {
    const robot = robotsParser(robotsTxtUrl, body);
    const delay = robot.getCrawlDelay(agent);
    return {
      kind: "rules",
      // undefined: the URL is on another origin, which this file does not govern (never asked: one file per origin).
      isAllowed: (url) => robot.isAllowed(url, agent) !== false,
      crawlDelayMs: typeof delay === "number" && delay > 0 ? Math.min(delay * 1000, MAX_CRAWL_DELAY_MS) : 0,
    };
  }
  if (status === 429 || status >= 500) return { kind: "disallow-all", reason: `robots.txt answered HTTP ${status}` };
  return { kind: "allow-all" }; // 4xx: no robots.txt, so nothing is forbidden
}

export function isAllowedByRobots(rules: RobotsRules, url: string): boolean {
  if (rules.kind === "allow-all") return true;
  if (rules.kind === "disallow-all") return false;
  return rules.isAllowed(url);
}

export const crawlDelayMs = (rules: RobotsRules): number => (rules.kind === "rules" ? rules.crawlDelayMs : 0);
