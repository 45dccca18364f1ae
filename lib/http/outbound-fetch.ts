import "server-only";
import { lookup } from "node:dns/promises";
import http, { type IncomingHttpHeaders } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isAllowedHost } from "./outbound-allowed-hosts";
import { isMetadataHostName, nonPublicKind } from "./non-public-address";

export type OutboundFailure =
  | "outbound_url_invalid"
  | "outbound_address_refused"
  | "outbound_host_unresolved"
  | "outbound_connection_failed"
  | "outbound_timeout"
  | "outbound_response_too_large";

/** Why an outgoing request was refused or failed; the message says which host and what to do. */
export class OutboundRequestError extends Error {
  readonly code: OutboundFailure;
  constructor(code: OutboundFailure, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "OutboundRequestError";
    this.code = code;
  }
}

export interface OutboundRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Setting `outbound.allowed_hosts`: listed hosts may resolve to non-public addresses. Required, so no caller forgets it. */
  allowedHosts: readonly string[];
  /** For the whole call: resolving, connecting, sending and reading the answer. Default 10 s. */
  timeoutMs?: number;
  /** Reading stops and the call fails past this many bytes of response body. Default 1 MB. */
  maxResponseBytes?: number;
}

export interface OutboundResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
const ALLOW_HINT = "An admin can allow the host in Settings → Outbound requests.";

interface ResolvedAddress {
  address: string;
  family: number;
}

function parseTarget(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRequestError("outbound_url_invalid", `"${raw.slice(0, 200)}" is not a URL.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new OutboundRequestError(
      "outbound_url_invalid",
      `Only http and https URLs can be requested, not ${url.protocol}.`,
    );
  }
  return url;
}

/**
 * The addresses the request may connect to: every address the host resolves to must be public, unless the host is
 * on the allow-list. A name of a cloud metadata service is refused before it is resolved.
 */
async function resolveTarget(
  url: URL,
  allowedHosts: readonly string[],
): Promise<ResolvedAddress[]> {
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  const allowed = isAllowedHost(url, allowedHosts);
  if (!allowed && isMetadataHostName(hostname)) {
    throw new OutboundRequestError(
      "outbound_address_refused",
      `${url.host} is a cloud metadata service; outgoing requests may not reach it. ${ALLOW_HINT}`,
    );
  }
  let addresses: ResolvedAddress[];
  try {
    addresses = await lookup(hostname, { all: true, verbatim: true });
  } catch (error) {
    throw new OutboundRequestError("outbound_host_unresolved", `Could not resolve ${hostname}.`, {
      cause: error,
    });
  }
  if (addresses.length === 0) {
    throw new OutboundRequestError("outbound_host_unresolved", `Could not resolve ${hostname}.`);
  }
  if (allowed) return addresses;
  for (const { address } of addresses) {
    const kind = nonPublicKind(address);
    if (kind !== null) {
      throw new OutboundRequestError(
        "outbound_address_refused",
        `${url.host} resolves to ${address}, a ${kind} address; outgoing requests go only to public addresses. ${ALLOW_HINT}`,
      );
    }
  }
  return addresses;
}

/** Answers the socket's lookup with the addresses already checked, so a second DNS answer (rebinding) plays no part. */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const family = typeof options === "number" ? options : options.family;
    const wanted =
      family === 4 || family === 6 ? addresses.filter((a) => a.family === family) : addresses;
    if (wanted.length === 0) {
      const error = Object.assign(new Error(`No IPv${family} address checked for this host.`), {
        code: "ENOTFOUND",
      });
      callback(error, "", 0);
      return;
    }
    if (typeof options === "object" && options.all) {
      (callback as unknown as (error: null, all: ResolvedAddress[]) => void)(null, wanted);
      return;
    }
    callback(null, wanted[0]!.address, wanted[0]!.family);
  };
}

function send(
  url: URL,
  addresses: ResolvedAddress[],
  request: OutboundRequest,
  signal: AbortSignal,
): Promise<OutboundResponse> {
  const maxBytes = request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const tooLarge = () =>
    new OutboundRequestError(
      "outbound_response_too_large",
      `${url.host} answered with more than ${maxBytes} bytes; reading stopped.`,
    );
  return new Promise((resolve, reject) => {
    const outgoing = (url.protocol === "https:" ? https : http).request({
      protocol: url.protocol,
      hostname: url.hostname.replace(/^\[|\]$/g, ""),
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: request.method ?? "GET",
      // A declared length rather than chunked encoding, which some receivers refuse.
      headers:
        request.body === undefined
          ? request.headers
          : { ...request.headers, "content-length": String(Buffer.byteLength(request.body)) },
      auth: url.username
        ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`
        : undefined,
      // A fresh connection per call: a pooled socket would skip the check of this call's addresses.
      agent: false,
      lookup: pinnedLookup(addresses),
      signal,
    });
    outgoing.on("error", reject);
    outgoing.on("response", (response) => {
      if (Number(response.headers["content-length"] ?? 0) > maxBytes) {
        reject(tooLarge());
        outgoing.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      let received = 0;
      response.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (received > maxBytes) {
          reject(tooLarge());
          outgoing.destroy();
          return;
        }
        chunks.push(chunk);
      });
      response.on("error", reject);
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
    });
    outgoing.end(request.body);
  });
}

/**
 * The one way the app sends an HTTP request to an address a person typed (scenario webhooks). Only http(s); the host
 * must resolve to public addresses only (or be on the allow-list), and the connection goes to an address that was
 * checked. A redirect is not followed: the 3xx is the response. Fails with OutboundRequestError past the timeout or
 * the response size cap.
 */
export async function outboundFetch(
  rawUrl: string,
  request: OutboundRequest,
): Promise<OutboundResponse> {
  const url = parseTarget(rawUrl);
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = () =>
    new OutboundRequestError(
      "outbound_timeout",
      `${url.host} did not answer within ${timeoutMs / 1000} s.`,
    );
  const controller = new AbortController();
  // Rejects when the deadline passes, whichever phase is under way (a DNS lookup cannot itself be aborted).
  const deadline = new Promise<never>((_, reject) => {
    controller.signal.addEventListener("abort", () => reject(timeout()));
  });
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const addresses = await Promise.race([resolveTarget(url, request.allowedHosts), deadline]);
    return await Promise.race([send(url, addresses, request, controller.signal), deadline]);
  } catch (error) {
    if (error instanceof OutboundRequestError) throw error;
    if (controller.signal.aborted) throw timeout();
    const reason = error instanceof Error ? error.message : String(error);
    throw new OutboundRequestError(
      "outbound_connection_failed",
      `Could not reach ${url.host}: ${reason}`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
}
