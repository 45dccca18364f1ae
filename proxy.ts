import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { authSecret } from "@/lib/auth/auth-secret";
import { isStaff } from "@/lib/auth/permissions";
import { contentSecurityPolicy, createNonce } from "@/lib/http/content-security-policy";
import {
  BROWSER_COOKIE,
  BROWSER_COOKIE_MAX_AGE_SECONDS,
  BROWSER_ID_PATTERN,
} from "@/lib/referrals/referral-cookies";

/**
 * Paths anyone may open; the proxy only gives the browser its id there. An email change is confirmed from the new
 * mailbox, often in a browser that is not signed in: the link's token is the proof.
 */
const PUBLIC_PATHS = ["/login", "/register", "/r/", "/account/email/confirm/"];

/** An email's unsubscribe link (app/email/(consent)/unsubscribe/[token]). */
const ONE_CLICK_PATH = /^\/email\/unsubscribe\/[A-Za-z0-9_-]+$/;

/** The paths the proxy gates, or gives the browser its id when they are public; a path ending in "/" is a prefix. */
const COVERED_PATHS = [
  "/admin",
  "/admin/",
  "/account",
  "/account/",
  "/login",
  "/register",
  "/r",
  "/r/",
];

function matchesAny(pathname: string, paths: string[]): boolean {
  return paths.some(
    (path) => pathname === path || (path.endsWith("/") && pathname.startsWith(path)),
  );
}

/**
 * First gate (edge-safe: it only verifies the session JWT, no database): /admin needs a staff role (any but
 * customer), /account any signed-in user. Every page, handler and action checks again against the database, where
 * the role's permissions (lib/auth/permissions.ts) decide what a staff member may open and do. On every path it
 * covers, a browser without an id gets one (the referral fraud guard compares them). Every page, covered or not, gets a
 * Content-Security-Policy with a nonce of its own (lib/http/content-security-policy.ts).
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // RFC 8058: a mailbox provider POSTs a one-click unsubscribe to the List-Unsubscribe URL, which is also the page
  // that confirms a reader's click. A POST that is not the page's own server action goes to its route handler.
  if (
    request.method === "POST" &&
    ONE_CLICK_PATH.test(pathname) &&
    !request.headers.has("next-action")
  ) {
    return NextResponse.rewrite(new URL(`${pathname}/one-click`, request.url));
  }
  const policy = contentSecurityPolicy({
    nonce: createNonce(),
    development: process.env.NODE_ENV !== "production",
  });
  // Next.js reads the nonce from the request's policy and puts it on every script it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const allowed = NextResponse.next({ request: { headers: requestHeaders } });
  const covered = matchesAny(pathname, COVERED_PATHS);
  const response =
    !covered || matchesAny(pathname, PUBLIC_PATHS)
      ? allowed
      : await gate(request, pathname + search, allowed);
  response.headers.set("Content-Security-Policy", policy);
  if (covered && !BROWSER_ID_PATTERN.test(request.cookies.get(BROWSER_COOKIE)?.value ?? "")) {
    response.cookies.set(BROWSER_COOKIE, crypto.randomUUID(), {
      httpOnly: true,
      secure: request.nextUrl.protocol === "https:",
      sameSite: "lax",
      path: "/",
      maxAge: BROWSER_COOKIE_MAX_AGE_SECONDS,
    });
  }
  return response;
}

async function gate(
  request: NextRequest,
  path: string,
  allowed: NextResponse,
): Promise<NextResponse> {
  const secret = authSecret();
  const token =
    (await getToken({ req: request, secret, secureCookie: true })) ??
    (await getToken({ req: request, secret, secureCookie: false }));
  if (!token) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", path);
    return NextResponse.redirect(login);
  }
  if (path.startsWith("/admin") && !isStaff(token.role)) {
    return NextResponse.redirect(new URL("/account?denied=admin", request.url));
  }
  return allowed;
}

// Every page and the handlers outside /api get the policy. Not /api: a request the proxy sees has its body buffered
// in memory first (at most proxyClientMaxBodySize), and the Inngest executor, webhooks and the v1 API answer JSON and
// files, which next.config.js's headers cover. Not the build's assets and icons either.
export const config = {
  matcher: ["/((?!api/|_next/|favicon.ico|icon.svg).*)"],
};
