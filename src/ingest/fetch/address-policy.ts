/**
 * Which network addresses the fetcher may connect to. A URL from a user (or a redirect from a site) must not reach
 * the machine's own services, the cloud metadata endpoint (169.254.169.254) or the office network: only public
 * unicast addresses pass, unless the run allows private ones (tests talking to 127.0.0.1).
 */
import { lookup as dnsLookup } from "node:dns";
import type { LookupAddress, LookupOptions } from "node:dns";
import ipaddr from "ipaddr.js";

export interface AddressPolicy {
  /** Every address allowed (tests, a trusted intranet). Default false. */
  allowPrivate?: boolean;
  /** Hostnames, IP addresses or CIDR ranges let through even when private, e.g. ["127.0.0.1"]. */
  allowHosts?: readonly string[];
}

export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

/** The special range an address falls in ("loopback", "private", …), or null when it is public unicast. */
export function specialRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return "not an IP address";
  let ip = ipaddr.parse(address);
  // ::ffff:10.0.0.1 is 10.0.0.1 on a dual-stack socket.
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  // IPv4-compatible ::a.b.c.d (::7f00:1 once a URL parser has written [::127.0.0.1]): deprecated since 2006 and
  // never a public host, while some stacks still route it to the IPv4 address. ipaddr.js calls it unicast.
  if (ip.kind() === "ipv6" && isIPv4Compatible(ip as ipaddr.IPv6)) return "ipv4Compatible";
  const range = ip.range();
  return range === "unicast" ? null : range;
}

function isIPv4Compatible(ip: ipaddr.IPv6): boolean {
  const parts = ip.parts;
  // :: and ::1 are the unspecified and loopback addresses, ranges of their own.
  return parts.slice(0, 6).every((p) => p === 0) && !(parts[6] === 0 && parts[7]! <= 1);
}

/** Why `address` (reached as `hostname`) is refused under `policy`, or null when it may be connected to. */
export function addressRefusal(hostname: string, address: string, policy: AddressPolicy): string | null {
  if (policy.allowPrivate) return null;
  const range = specialRange(address);
  if (range === null || isAllowedHost(hostname, address, policy.allowHosts ?? [])) return null;
  const named = hostname === address ? address : `${hostname} (${address})`;
  return `refused: ${named} is a ${range} address, not a public one (server-side request forgery guard)`;
}

function isAllowedHost(hostname: string, address: string, allowHosts: readonly string[]): boolean {
  const ip = ipaddr.parse(address);
  return allowHosts.some((entry) => {
    if (entry.toLowerCase() === hostname.toLowerCase() || entry === address) return true;
    if (!entry.includes("/")) return false;
    try {
      const [net, bits] = ipaddr.parseCIDR(entry);
      return net.kind() === ip.kind() && ip.match(net, bits);
    } catch {
      return false;
    }
  });
}

/** The URL's host when it is an IP literal ("[::1]" → "::1"), else null: literals never go through DNS. */
export function literalAddress(url: URL): string | null {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return ipaddr.isValid(host) ? host : null;
}

const defaultResolve: Resolve = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net.connect (undici Agent `connect.lookup`): resolves, then refuses the connection when any
 * address is forbidden. Checking here, on every connection, rather than resolving once before the request, is what
 * stops DNS rebinding (a name that resolves public for the check and private for the connection).
 */
export function guardedLookup(policy: AddressPolicy, resolve: Resolve = defaultResolve) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname).then(
      (all) => {
        const addresses = options.family === 4 || options.family === 6 ? all.filter((a) => a.family === options.family) : all;
        if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "");
        for (const { address } of addresses) {
          const why = addressRefusal(hostname, address, policy);
          if (why) return callback(Object.assign(new Error(why), { code: FORBIDDEN_ADDRESS }), "");
        }
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ""),
    );
  };
}

export const FORBIDDEN_ADDRESS = "ERR_TRIANGULATE_FORBIDDEN_ADDRESS";
