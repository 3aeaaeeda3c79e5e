import { describe, expect, test } from "vitest";
import { addressRefusal, literalAddress, specialRange } from "./address-policy.js";
import { formatOf, parseContentType } from "./content-type.js";
import { backoffMs, parseRetryAfter } from "./retry.js";
import { robotsFromResponse } from "./robots.js";

describe("specialRange", () => {
  test.each([
    ["127.0.0.1", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.5.4", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "linkLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "linkLocal"],
    ["fd00::1", "uniqueLocal"],
    ["ff02::1", "multicast"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:127.0.0.1", "loopback"],
    // IPv4-compatible (deprecated): what a URL parser makes of [::127.0.0.1] and [::10.0.0.1]
    ["::7f00:1", "ipv4Compatible"],
    ["::a00:1", "ipv4Compatible"],
    ["::808:808", "ipv4Compatible"],
    // must not match: public addresses pass
    ["93.184.216.34", null],
    ["8.8.8.8", null],
    ["2606:4700::1111", null],
  ])("%s → %s", (address, range) => expect(specialRange(address)).toBe(range));
});

describe("addressRefusal", () => {
  test("refuses a private address by default, naming host and range", () => {
    expect(addressRefusal("intranet.example", "10.1.2.3", {})).toMatch(/intranet\.example \(10\.1\.2\.3\) is a private address/);
  });
  test.each([
    [{ allowPrivate: true }, "10.0.0.1", "10.0.0.1", null],
    [{ allowHosts: ["127.0.0.1"] }, "127.0.0.1", "127.0.0.1", null],
    [{ allowHosts: ["localhost"] }, "localhost", "127.0.0.1", null],
    [{ allowHosts: ["10.0.0.0/8"] }, "10.9.9.9", "10.9.9.9", null],
    [{ allowHosts: ["127.0.0.1"] }, "10.0.0.1", "10.0.0.1", "private"],
    [{ allowHosts: ["127.0.0.1"] }, "169.254.169.254", "169.254.169.254", "linkLocal"],
  ] as const)("%j: %s (%s)", (policy, host, address, refused) => {
    const why = addressRefusal(host, address, policy);
    if (refused === null) expect(why).toBeNull();
    else expect(why).toContain(refused);
  });
});

describe("IP literals embedding an IPv4 address are refused before connecting", () => {
  test.each(["http://[::127.0.0.1]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[::10.0.0.1]:8080/x", "http://[64:ff9b::127.0.0.1]/", "http://[2002:7f00:1::]/"])(
    "%s",
    (url) => {
      const address = literalAddress(new URL(url));
      expect(address).not.toBeNull();
      expect(addressRefusal(address!, address!, {})).toMatch(/^refused: /);
    },
  );
});

describe("retry", () => {
  test("Retry-After as seconds or an HTTP date", () => {
    const now = Date.parse("2025-01-01T00:00:00Z");
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("Wed, 01 Jan 2025 00:00:10 GMT", now)).toBe(10_000);
    expect(parseRetryAfter("Tue, 31 Dec 2024 00:00:10 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
  test("backoff grows and is jittered", () => {
    expect(backoffMs(0, 500, () => 1)).toBe(500);
    expect(backoffMs(2, 500, () => 1)).toBe(2000);
    expect(backoffMs(2, 500, () => 0.5)).toBe(1000);
  });
});

describe("robots", () => {
  const url = "https://news.example/robots.txt";
  test("rules for our token win over *", () => {
    const rules = robotsFromResponse(url, 200, "User-agent: *\nAllow: /\n\nUser-agent: Triangulate\nDisallow: /wire/\nCrawl-delay: 2", "Triangulate");
    expect(rules.kind === "rules" && rules.isAllowed("https://news.example/wire/a")).toBe(false);
    expect(rules.kind === "rules" && rules.isAllowed("https://news.example/world/a")).toBe(true);
    expect(rules.kind === "rules" && rules.crawlDelayMs).toBe(2000);
  });
  test.each([
    [404, "allow-all"],
    [403, "allow-all"],
    [500, "disallow-all"],
    [503, "disallow-all"],
    [429, "disallow-all"],
  ])("HTTP %i → %s", (status, kind) => expect(robotsFromResponse(url, status, "", "Triangulate").kind).toBe(kind));
});

describe("content type", () => {
  test.each([
    ["text/html; charset=UTF-8", "text/html", "utf-8", "html"],
    ["text/html;charset=\"windows-1252\"", "text/html", "windows-1252", "html"],
    ["text/plain; charset=nonsense", "text/plain", null, "text"],
    ["application/xhtml+xml", "application/xhtml+xml", null, "html"],
    ["application/pdf", "application/pdf", null, null],
  ])("%s", (header, mime, charset, format) => {
    const type = parseContentType(header)!;
    expect(type).toEqual({ mime, charset });
    expect(formatOf(type.mime)).toBe(format);
  });
});
