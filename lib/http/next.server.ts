import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { createAppServer } from "./app-server.server";
import { FRONT_DOOR_ENV } from "./front-door";
import { withServingCache } from "./serving-cache.server";
import type { ProxyTrust } from "./trusted-proxies.server";

export type ServeOptions = { dev: boolean; port: number; hostname?: string; trust: ProxyTrust };

/**
 * Serves the app with Next.js's request handler behind this project's own server
 * (lib/http/app-server.server.ts) instead of `next start`, so that every request passes the front door's
 * checks and carries the client's address as the trusted proxies say it (decision 0015).
 */
export async function serveNext(options: ServeOptions): Promise<Server> {
  // Next reads NODE_ENV when it loads; a production server must not run with React's dev build.
  (process.env as Record<string, string>).NODE_ENV = options.dev ? "development" : "production";
  const { default: next } = await import("next");
  const app = next({ dev: options.dev, dir: process.cwd(), port: options.port, hostname: options.hostname });
  await app.prepare();
  const handle = app.getRequestHandler();
  const renderWithNext = (request: IncomingMessage, response: ServerResponse) => handle(request, response);
  // `next dev` renders every request afresh and streams its tools: nothing to keep there.
  const server = createAppServer(
    options.dev ? renderWithNext : withServingCache(renderWithNext),
    options.trust,
    options,
  );
  process.env[FRONT_DOOR_ENV] = "1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => resolve());
  });
  return server;
}
