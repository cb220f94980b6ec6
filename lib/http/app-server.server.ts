import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { checkRequest, CLIENT_ADDRESS_HEADER, IGNORED_REQUEST_HEADERS, type Refusal } from "./front-door";
import { clientAddress, type ProxyTrust } from "./trusted-proxies.server";

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

function refuse(response: ServerResponse, refusal: Refusal, method: string): void {
  const body = refusal.message ? `${refusal.message}\n` : "";
  response.writeHead(refusal.status, {
    ...refusal.headers,
    ...(body ? { "Content-Type": "text/plain; charset=utf-8", "Content-Length": Buffer.byteLength(body) } : {}),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  response.end(method === "HEAD" ? undefined : body);
}

/**
 * An HTTP server that checks each request (lib/http/front-door.ts), says who the client is in
 * a header the app can trust (any copy the client sent is dropped), and hands the rest to
 * `handle`: Next.js's request handler in production, a stand-in in tests.
 */
export function createAppServer(handle: RequestHandler, trust: ProxyTrust, options: { dev?: boolean } = {}): Server {
  return createServer(async (request, response) => {
    const method = request.method ?? "GET";
    const refusal = checkRequest(method, request.url ?? "/", options);
    if (refusal) return refuse(response, refusal, method);

    for (const name of IGNORED_REQUEST_HEADERS) delete request.headers[name];
    const forwardedFor = request.headers["x-forwarded-for"];
    const address = clientAddress(
      request.socket.remoteAddress,
      Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor,
      trust,
    );
    if (address) request.headers[CLIENT_ADDRESS_HEADER] = address;
    else delete request.headers[CLIENT_ADDRESS_HEADER];

    try {
      await handle(request, response);
    } catch (error) {
      console.error(error);
      if (!response.headersSent)
        refuse(response, { status: 500, message: "Something went wrong on our side." }, method);
      else response.destroy();
    }
  });
}
