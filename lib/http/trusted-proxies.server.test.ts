import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clientAddress, NO_TRUST, parseTrustedProxies, type ProxyTrust } from "./trusted-proxies.server";

function trust(setting: string): ProxyTrust {
  const parsed = parseTrustedProxies(setting);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.trust;
}

describe("parseTrustedProxies", () => {
  it.each(["", "none", "0", "  "])("reads %j as trusting no proxy", (setting) => {
    expect(parseTrustedProxies(setting)).toEqual({ ok: true, trust: NO_TRUST });
  });

  it("reads a count of hops", () => {
    expect(parseTrustedProxies("2")).toEqual({ ok: true, trust: { kind: "hops", count: 2 } });
  });

  it.each(["127.0.0.1", "10.0.0.0/8, ::1", "fd00::/8", "192.168.1.1,172.16.0.0/12"])(
    "reads addresses %s",
    (setting) => {
      expect(parseTrustedProxies(setting)).toMatchObject({ ok: true, trust: { kind: "addresses" } });
    },
  );

  it.each(["localhost", "10.0.0.0/33", "::1/129", "1.2.3", "10.0.0.0/x", "10.0.0.0/8/9", "-1", "1000"])(
    "refuses %s with a message",
    (setting) => {
      expect(parseTrustedProxies(setting)).toMatchObject({
        ok: false,
        message: expect.stringMatching(/TRUSTED_PROXIES/),
      });
    },
  );
});

describe("clientAddress", () => {
  it("takes the socket's address when no proxy is trusted, whatever the header claims", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.1", NO_TRUST)).toBe("203.0.113.9");
    expect(clientAddress("::ffff:127.0.0.1", "198.51.100.1", NO_TRUST)).toBe("127.0.0.1");
  });

  it("believes exactly as many hops as it is told", () => {
    expect(clientAddress("127.0.0.1", "198.51.100.1", trust("1"))).toBe("198.51.100.1");
    // A client that sends its own header cannot push the real one out of reach.
    expect(clientAddress("127.0.0.1", "6.6.6.6, 198.51.100.1", trust("1"))).toBe("198.51.100.1");
    expect(clientAddress("127.0.0.1", "6.6.6.6, 198.51.100.1, 10.0.0.2", trust("2"))).toBe("198.51.100.1");
    expect(clientAddress("127.0.0.1", null, trust("1"))).toBe("127.0.0.1");
  });

  it("skips trusted addresses from the right and stops at the first it does not trust", () => {
    const ours = trust("127.0.0.1, 10.0.0.0/8");
    expect(clientAddress("127.0.0.1", "6.6.6.6, 198.51.100.1, 10.1.2.3", ours)).toBe("198.51.100.1");
    expect(clientAddress("203.0.113.9", "198.51.100.1", ours)).toBe("203.0.113.9");
    expect(clientAddress("127.0.0.1", "10.0.0.1", ours)).toBe("10.0.0.1");
  });

  it("stops at an entry that is not an address", () => {
    expect(clientAddress("127.0.0.1", "198.51.100.1, not-an-address", trust("2"))).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", "[2001:db8::1]:443", trust("1"))).toBe("2001:db8::1");
  });

  it("never answers with anything but the socket's address or an address from the header", () => {
    const address = fc.oneof(fc.ipV4(), fc.ipV6());
    fc.assert(
      fc.property(
        address,
        fc.array(fc.oneof(address, fc.string({ maxLength: 12 })), { maxLength: 6 }),
        fc.nat({ max: 8 }),
        (socket, hops, count) => {
          const header = hops.join(", ");
          const client = clientAddress(socket, header, { kind: "hops", count });
          expect(client === socket || hops.some((hop) => hop.trim() === client)).toBe(true);
          expect(clientAddress(socket, header, NO_TRUST)).toBe(socket);
        },
      ),
    );
  });
});
