import { createServer, type Server } from "node:http";

/**
 * A stand-in for a publisher's article: a second web server on another origin whose pages
 * embed our charts, so tests see what a host site sees (cross-origin frames, postMessage).
 */
export const HOST_PORT = Number(process.env.E2E_HOST_PORT || 3101);
export const HOST_ORIGIN = `http://localhost:${HOST_PORT}`;

export async function startHostSite(pages: Record<string, string>): Promise<Server> {
  const server = createServer((request, response) => {
    const html = pages[request.url ?? "/"];
    response.writeHead(html ? 200 : 404, { "Content-Type": "text/html; charset=utf-8" });
    response.end(html ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(HOST_PORT, "127.0.0.1", resolve));
  return server;
}

export function article(body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>An article</title>
<style>body{margin:0;padding:0 10px;font-family:sans-serif} iframe{display:block;width:100%;border:0}</style></head>
<body><h1>An article about EncroChat</h1><p>Some words.</p>${body}<p>More words.</p></body></html>`;
}
