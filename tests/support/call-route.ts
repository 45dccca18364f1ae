import { NextRequest, type NextResponse } from "next/server";

/** Calls v1 route handlers the way Next does: a request to `/api/v1<path>`, the response read back as JSON. */

export type Handler = (
  request: NextRequest,
  segment: { params: Promise<Record<string, string>> },
) => NextResponse | Promise<NextResponse>;

export interface CallOptions {
  token?: string;
  /**
   * A value to send as JSON, or a raw string sent as is. Either goes as application/json unless `headers` names
   * another content-type (fetch would label a string text/plain, which the API refuses with 415).
   */
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
}

export interface ApiResult {
  status: number;
  headers: Headers;
  // Tests read arbitrary fields of the JSON; the response schemas check its shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

/**
 * A dynamic route's handler with its segments filled in (`{ id: 3 }` for app/api/v1/banners/[id]); a function is read
 * at call time, for ids made in `beforeAll`. `call` and the refusal helpers then use it like any handler.
 */
export function withParams(
  handler: Handler,
  params: Record<string, string | number> | (() => Record<string, string | number>),
): Handler {
  return (request) => {
    const values = typeof params === "function" ? params() : params;
    return handler(request, {
      params: Promise.resolve(
        Object.fromEntries(Object.entries(values).map(([key, value]) => [key, String(value)])),
      ),
    });
  };
}

export async function call(
  handler: Handler,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<ApiResult> {
  const url = new URL(`http://localhost/api/v1${path}`);
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  const body = options.body !== undefined ? JSON.stringify(options.body) : options.raw;
  const headers: Record<string, string> = {
    ...(body !== undefined ? { "content-type": "application/json" } : {}),
    ...options.headers,
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const request = new NextRequest(url, { method, body, headers });
  const response = await handler(request, { params: Promise.resolve({}) });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: text ? JSON.parse(text) : null,
  };
}
