import { BlockList, isIP } from "node:net";

/**
 * Which `X-Forwarded-For` entry is the client, as Express's `trust proxy` and Rails's
 * trusted-proxy settings decide it. Anyone can send that header, so an entry is believed only
 * when the hop that added it is trusted: the socket's own peer first, then leftwards.
 *
 * - none (the default): the app is reached directly; the socket's address is the client.
 * - a count N: exactly N proxies stand in front; the client is the address N hops left of the socket.
 * - addresses and CIDRs: every hop from those addresses is a proxy of ours; the client is the
 *   rightmost address that is not.
 */
export type ProxyTrust = { kind: "none" } | { kind: "hops"; count: number } | { kind: "addresses"; list: BlockList };

export const NO_TRUST: ProxyTrust = { kind: "none" };

const TRUSTED_PROXIES_HELP =
  'TRUSTED_PROXIES must be a number of proxies in front (such as 1), or a comma-separated list of their addresses or CIDR ranges (such as 127.0.0.1,10.0.0.0/8), or "none".';

/** Parses the TRUSTED_PROXIES setting; a message naming the bad part, or the trust. */
export function parseTrustedProxies(
  setting: string | undefined,
): { ok: true; trust: ProxyTrust } | { ok: false; message: string } {
  const text = setting?.trim() ?? "";
  if (text === "" || text === "none" || text === "0") return { ok: true, trust: NO_TRUST };
  if (/^\d+$/.test(text)) {
    const count = Number(text);
    return count <= 32 ? { ok: true, trust: { kind: "hops", count } } : { ok: false, message: TRUSTED_PROXIES_HELP };
  }
  const list = new BlockList();
  for (const part of text.split(",").map((entry) => entry.trim())) {
    const [address = "", prefixText, extra] = part.split("/");
    if (extra !== undefined)
      return { ok: false, message: `${TRUSTED_PROXIES_HELP} "${part}" is not an address or range.` };
    const family = isIP(address);
    if (family === 0) return { ok: false, message: `${TRUSTED_PROXIES_HELP} "${part}" is not an address.` };
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefixText === undefined) {
      list.addAddress(address, type);
      continue;
    }
    const prefix = /^\d+$/.test(prefixText) ? Number(prefixText) : NaN;
    if (!(prefix <= (family === 4 ? 32 : 128))) {
      return { ok: false, message: `${TRUSTED_PROXIES_HELP} "${part}" has no valid prefix length.` };
    }
    list.addSubnet(address, prefix, type);
  }
  return { ok: true, trust: { kind: "addresses", list } };
}

/** "::ffff:10.0.0.1" is how Node reports an IPv4 peer on a dual-stack socket. */
function normalise(address: string): string | null {
  const bare = address.trim().replace(/^\[(.*)\](?::\d+)?$/, "$1");
  const unmapped = bare.toLowerCase().startsWith("::ffff:") && isIP(bare.slice(7)) === 4 ? bare.slice(7) : bare;
  return isIP(unmapped) ? unmapped : null;
}

function isTrusted(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address for a request that reached this process from `socketAddress`, carrying
 * `forwardedFor` (the X-Forwarded-For header, or null). An entry that is not an address ends the
 * walk: what lies left of it cannot be read, so the hop right of it is taken.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | null | undefined,
  trust: ProxyTrust,
): string | null {
  const peer = socketAddress ? normalise(socketAddress) : null;
  if (!peer || trust.kind === "none") return peer;
  const hops = (forwardedFor ?? "").split(",").filter((entry) => entry.trim() !== "");
  const chain: string[] = [peer];
  for (let index = hops.length - 1; index >= 0; index--) {
    const address = normalise(hops[index] ?? "");
    if (!address) break;
    chain.push(address);
  }
  // chain[0] is the socket's peer, chain[i] the address i hops further from this server.
  if (trust.kind === "hops") return chain[Math.min(trust.count, chain.length - 1)] ?? peer;
  for (const address of chain) {
    if (!isTrusted(trust.list, address)) return address;
  }
  return chain[chain.length - 1] ?? peer;
}
