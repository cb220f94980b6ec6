import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "./front-door";
import { createAppServer } from "./app-server.server";
import { parseTrustedProxies } from "./trusted-proxies.server";

/** What the stand-in for Next saw of each request it was handed. */
const seen: { url: string; headers: Record<string, unknown> }[] = [];
let server: Server;
let port: number;

/** Raw HTTP, so that methods and addresses reach the server exactly as an attacker sends them. */
async function send(request: string): Promise<{ status: number; head: string; body: string }> {
  const socket = connect(port, "127.0.0.1");
  await once(socket, "connect");
  socket.end(request);
  const chunks: Buffer[] = [];
  for await (const chunk of socket) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  const [head = "", body = ""] = text.split("\r\n\r\n");
  return { status: Number(head.split(" ")[1]), head, body };
}

beforeAll(async () => {
  const trust = parseTrustedProxies("1");
  if (!trust.ok) throw new Error(trust.message);
  server = createAppServer((request, response) => {
    if (request.url === "/throws") throw new Error("a fault inside the app");
    seen.push({ url: request.url ?? "", headers: { ...request.headers } });
    response.end("from the app");
  }, trust.trust);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the app server", () => {
  it("refuses TRACE with 405, an Allow header and a sentence, before the app sees it", async () => {
    seen.length = 0;
    const answer = await send("TRACE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expect(answer.status).toBe(405);
    expect(answer.head).toMatch(/\r\nAllow: GET, HEAD\r\n/);
    expect(answer.body).toMatch(/answers GET and HEAD requests, not TRACE/);
    expect(seen).toEqual([]);
  });

  it("refuses a path that is not percent-encoded UTF-8 with 400", async () => {
    const answer = await send("GET /embed/%ff HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(/not valid/);
  });

  it("hands the app the client's address as the proxies in front say it, never as the client claims it", async () => {
    seen.length = 0;
    await send(
      `GET /figures HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 6.6.6.6, 198.51.100.7\r\n${CLIENT_ADDRESS_HEADER}: 6.6.6.6\r\nRange: bytes=999999999999-\r\nConnection: close\r\n\r\n`,
    );
    expect(seen[0]?.headers[CLIENT_ADDRESS_HEADER]).toBe("198.51.100.7");
    expect(seen[0]?.headers.range).toBeUndefined();
  });

  it("answers a fault inside the app with a 500 that says so, logs it, and keeps serving", async () => {
    const logged = vi.mocked(console.error).mockImplementation(() => {});
    const answer = await send("GET /throws HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expect(answer.status).toBe(500);
    expect(answer.body).toMatch(/went wrong/);
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ message: "a fault inside the app" }));
    expect((await send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).status).toBe(200);
  });
});
