import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

/**
 * Serve Next route handlers (GET/POST/PUT exports) over real HTTP, so the executor calls the app's serve endpoint
 * exactly as it would call `next dev`.
 */
export async function serveRouteHandlers(
  handlers: Partial<Record<string, Handler>>,
  path = "/api/inngest",
  /** Lets a test lose or alter an answer on its way back (a crash after the app did the work). */
  intercept?: (response: Response) => Response | Promise<Response>,
) {
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${req.url}`;
    const handler = handlers[req.method ?? "GET"];
    if (!handler || !new URL(url).pathname.startsWith(path)) {
      res.writeHead(404).end();
      return;
    }
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers))
      if (typeof value === "string") headers.set(key, value);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const answered = await handler(new Request(url, { method: req.method, headers, body }), {
      params: Promise.resolve({}),
    });
    const response = intercept ? await intercept(answered) : answered;
    res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
