import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { build } from "esbuild";
import type { ScenarioGraph } from "@/lib/scenarios/graph";
import type { BareCanvasInput } from "./app";

export interface BareCanvasServer {
  /** The page drawing the graph in a `width` × `height` box. */
  url(size: { width: number; height: number }): string;
  close(): Promise<void>;
}

/**
 * Bundle the bare canvas (`app.tsx`, React in production mode, minified, as `next build` ships the builder) and serve
 * it on a free local port with `graph` drawn as default React Flow nodes and edges: the same ids, positions and
 * connections as the builder draws.
 */
export async function serveBareCanvas(graph: ScenarioGraph): Promise<BareCanvasServer> {
  const bundle = await build({
    entryPoints: [path.join(import.meta.dirname, "app.tsx")],
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    jsx: "automatic",
    target: "es2022",
    outdir: "out",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "error",
  });
  const file = (extension: string) =>
    bundle.outputFiles.find((f) => f.path.endsWith(extension))?.text ?? "";
  const script = file(".js");
  const style = file(".css");
  const nodes = graph.nodes.map((node) => ({
    id: node.id,
    position: node.position,
    data: { label: `${node.type} ${node.id}` },
  }));
  const edges = graph.edges.map((edge) => ({ id: edge.id, source: edge.from, target: edge.to }));

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === "/app.js") {
      response.writeHead(200, { "content-type": "text/javascript" }).end(script);
      return;
    }
    if (url.pathname !== "/") {
      response.writeHead(404).end();
      return;
    }
    const input: BareCanvasInput = {
      nodes,
      edges,
      width: Number(url.searchParams.get("width") ?? 800),
      height: Number(url.searchParams.get("height") ?? 600),
    };
    // `<` escaped so the JSON cannot close its script element.
    const json = JSON.stringify(input).replaceAll("<", "\\u003c");
    response
      .writeHead(200, { "content-type": "text/html; charset=utf-8" })
      .end(
        `<!doctype html><html><head><meta charset="utf-8"><title>Bare canvas</title><style>body{margin:0}${style}</style></head>` +
          `<body><div id="root"></div><script id="bare-canvas-input" type="application/json">${json}</script>` +
          `<script type="module" src="/app.js"></script></body></html>`,
      );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: ({ width, height }) =>
      `http://127.0.0.1:${port}/?width=${Math.round(width)}&height=${Math.round(height)}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
