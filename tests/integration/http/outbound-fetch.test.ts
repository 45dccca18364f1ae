import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { outboundFetch, OutboundRequestError } from "@/lib/http/outbound-fetch";

/** Names this file's DNS answers for itself (the rest resolve for real): `pinned.test` is 127.0.0.1. */
const fakeDns = vi.hoisted(() => ({
  answers: new Map<string, { address: string; family: number }[]>([
    ["pinned.test", [{ address: "127.0.0.1", family: 4 }]],
    [
      "mixed.test",
      [
        { address: "93.184.215.14", family: 4 },
        { address: "10.1.2.3", family: 4 },
      ],
    ],
  ]),
  lookups: [] as string[],
}));
vi.mock("node:dns/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:dns/promises")>();
  const lookup = async (hostname: string, options: object) => {
    fakeDns.lookups.push(hostname);
    return fakeDns.answers.get(hostname) ?? real.lookup(hostname, { ...options, all: true });
  };
  return { ...real, lookup, default: { ...real, lookup } };
});

const hits: { path: string; method: string; headers: IncomingMessage["headers"]; body: string }[] =
  [];
const server = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  hits.push({
    path: req.url ?? "",
    method: req.method ?? "",
    headers: req.headers,
    body: Buffer.concat(chunks).toString(),
  });
  if (req.url === "/slow") return; // never answers
  if (req.url === "/huge") {
    // 2 MB in 64 KB chunks, no declared length.
    res.writeHead(200, { "content-type": "text/plain" });
    const chunk = Buffer.alloc(64 * 1024, "x");
    let sent = 0;
    const write = () => {
      while (sent < 32) {
        sent++;
        if (!res.write(chunk)) return void res.once("drain", write);
      }
      res.end();
    };
    res.on("error", () => undefined);
    return write();
  }
  if (req.url === "/huge-declared") {
    res.writeHead(200, { "content-length": String(2 * 1024 * 1024) });
    return res.end("x".repeat(2 * 1024 * 1024));
  }
  if (req.url === "/redirect") {
    return res.writeHead(302, { location: `${base}/target` }).end();
  }
  res.writeHead(200, { "content-type": "text/plain" }).end(`hello ${req.method}`);
});
let port = 0;
let base = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);
beforeEach(() => {
  hits.length = 0;
  fakeDns.lookups.length = 0;
});

async function failure(promise: Promise<unknown>): Promise<OutboundRequestError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(OutboundRequestError);
  return error as OutboundRequestError;
}

describe("outboundFetch refuses non-public destinations", () => {
  it.each([
    ["a loopback literal", () => `${base}/ok`, /resolves to 127\.0\.0\.1, a loopback address/],
    [
      "a name resolving to loopback",
      () => `http://localhost:${port}/ok`,
      /localhost:\d+ resolves to 127\.0\.0\.1/,
    ],
    ["IPv6 loopback", () => `http://[::1]:${port}/ok`, /resolves to ::1, a loopback address/],
    ["IPv4-mapped loopback", () => `http://[::ffff:127.0.0.1]:${port}/ok`, /loopback address/],
    ["loopback as one number", () => `http://2130706433:${port}/ok`, /resolves to 127\.0\.0\.1/],
    ["the unspecified address", () => `http://0.0.0.0:${port}/ok`, /unspecified address/],
    [
      "a private address",
      () => "http://10.0.0.1/hook",
      /resolves to 10\.0\.0\.1, a private address/,
    ],
    ["192.168/16", () => "http://192.168.1.10/hook", /private address/],
    ["the metadata address", () => "http://169.254.169.254/latest/meta-data", /link-local address/],
    ["CGNAT", () => "http://100.64.0.1/hook", /shared address/],
    [
      "a name with one private answer among public ones",
      () => "http://mixed.test/hook",
      /resolves to 10\.1\.2\.3/,
    ],
  ])("%s", async (_name, url, message) => {
    const error = await failure(outboundFetch(url(), { allowedHosts: [] }));
    expect(error.code).toBe("outbound_address_refused");
    expect(error.message).toMatch(message);
    expect(error.message).toContain("Settings → Outbound requests");
    expect(hits).toHaveLength(0);
  });

  it("refuses a metadata service's name without resolving it", async () => {
    const error = await failure(
      outboundFetch("http://metadata.google.internal/computeMetadata/v1/", { allowedHosts: [] }),
    );
    expect(error.code).toBe("outbound_address_refused");
    expect(error.message).toMatch(/metadata service/);
    expect(fakeDns.lookups).toEqual([]);
  });

  it.each(["file:///etc/passwd", "ftp://example.com/x", "gopher://127.0.0.1:70/", "not a url"])(
    "refuses %j: http and https only",
    async (url) => {
      expect((await failure(outboundFetch(url, { allowedHosts: [] }))).code).toBe(
        "outbound_url_invalid",
      );
    },
  );
});

describe("outboundFetch with the allow-list", () => {
  it("lets a listed host:port through, sending method, headers and body", async () => {
    const response = await outboundFetch(`${base}/ok`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-test": "1" },
      body: '{"a":1}',
      allowedHosts: [`127.0.0.1:${port}`],
    });
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe("hello POST");
    expect(hits).toEqual([
      expect.objectContaining({
        path: "/ok",
        method: "POST",
        body: '{"a":1}',
        headers: expect.objectContaining({ "x-test": "1", "content-length": "7" }),
      }),
    ]);
  });

  it("lets a listed name through", async () => {
    const response = await outboundFetch(`http://localhost:${port}/ok`, {
      allowedHosts: ["localhost"],
    });
    expect(response.status).toBe(200);
  });

  it("still refuses the same host on a port that is not listed", async () => {
    const error = await failure(
      outboundFetch(`${base}/ok`, { allowedHosts: [`127.0.0.1:${port + 1}`, "localhost"] }),
    );
    expect(error.code).toBe("outbound_address_refused");
  });

  it("connects to the address it resolved once, never resolving again", async () => {
    // pinned.test exists only in this file's DNS: reaching the server proves the socket used the checked answer.
    const response = await outboundFetch(`http://pinned.test:${port}/ok`, {
      allowedHosts: [`pinned.test:${port}`],
    });
    expect(response.status).toBe(200);
    expect(fakeDns.lookups).toEqual(["pinned.test"]);
    expect(hits[0]?.headers.host).toBe(`pinned.test:${port}`);
  });
});

describe("outboundFetch limits", () => {
  const allowedHosts = () => [`127.0.0.1:${port}`];

  it("fails a server that does not answer in time", async () => {
    const started = Date.now();
    const error = await failure(
      outboundFetch(`${base}/slow`, { allowedHosts: allowedHosts(), timeoutMs: 300 }),
    );
    expect(error.code).toBe("outbound_timeout");
    expect(error.message).toBe(`127.0.0.1:${port} did not answer within 0.3 s.`);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("stops reading an answer past the size cap", async () => {
    const error = await failure(outboundFetch(`${base}/huge`, { allowedHosts: allowedHosts() }));
    expect(error.code).toBe("outbound_response_too_large");
    expect(error.message).toMatch(/more than 1048576 bytes; reading stopped/);
  });

  it("refuses an answer whose declared length is past the cap, and takes a cap per call", async () => {
    const declared = await failure(
      outboundFetch(`${base}/huge-declared`, { allowedHosts: allowedHosts() }),
    );
    expect(declared.code).toBe("outbound_response_too_large");
    const small = await failure(
      outboundFetch(`${base}/ok`, { allowedHosts: allowedHosts(), maxResponseBytes: 4 }),
    );
    expect(small.code).toBe("outbound_response_too_large");
  });

  it("does not follow a redirect: the 3xx is the answer", async () => {
    const response = await outboundFetch(`${base}/redirect`, { allowedHosts: allowedHosts() });
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe(`${base}/target`);
    expect(hits.map((hit) => hit.path)).toEqual(["/redirect"]);
  });

  it("reports a closed port as a connection failure", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(
      outboundFetch(`http://127.0.0.1:${closedPort}/`, {
        allowedHosts: [`127.0.0.1:${closedPort}`],
      }),
    );
    expect(error.code).toBe("outbound_connection_failed");
    expect(error.message).toMatch(/^Could not reach 127\.0\.0\.1:\d+: .*ECONNREFUSED/);
  });
});
