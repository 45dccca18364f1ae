import { NextRequest } from "next/server";
import type { User } from "@/lib/db/schema";
import { parseCsv } from "../../support/parse-csv";

export { parseCsv };

/**
 * The browser request the admin-tools tests pretend to be: the session next-auth reads, the headers and the cookies
 * next/headers hands out (the test files mock both modules with it; vi.mock is per file).
 */
export interface FakeBrowser {
  session: unknown;
  headers: Headers;
  cookies: Map<string, string>;
}

export function signInAs(browser: FakeBrowser, user: User): void {
  browser.session = {
    user: { id: user.id, role: user.role, sessionVersion: user.sessionVersion },
    expires: "",
  };
  browser.headers = new Headers({ "x-forwarded-for": "203.0.113.9" });
}

/** A cookie store like next/headers' cookies(), over the fake browser's cookies. */
export function cookieStoreOf(browser: FakeBrowser) {
  return {
    get: (name: string) => {
      const value = browser.cookies.get(name);
      return value === undefined ? undefined : { name, value };
    },
    set: (name: string, value: string) => void browser.cookies.set(name, value),
    delete: (options: string | { name: string }) =>
      void browser.cookies.delete(typeof options === "string" ? options : options.name),
  };
}

type Handler = (
  request: NextRequest,
  segment: { params: Promise<Record<string, string>> },
) => Promise<Response>;

/** GET a route handler; the answer's status, and its body as text. */
export async function get(
  handler: Handler,
  url: string,
  token?: string,
): Promise<{ status: number; text: string; headers: Headers }> {
  const request = new NextRequest(new URL(url, "http://localhost"), {
    headers: {
      "x-forwarded-for": "203.0.113.9",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  });
  const response = await handler(request, { params: Promise.resolve({}) });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

/** The first column (the id) of a CSV's records after the header, as numbers. */
export function idsOf(text: string): number[] {
  return parseCsv(text)
    .slice(1)
    .map((record) => Number(record[0]));
}
