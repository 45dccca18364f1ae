import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { authSecret } from "@/lib/auth/auth-secret";
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

/**
 * First gate (edge-safe: it only verifies the session JWT, no database): /admin needs an admin, /account any
 * signed-in user. Every page, handler and action checks again against the database. On every path it covers, a
 * browser without an id gets one (the referral fraud guard compares them).
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const response = PUBLIC_PATHS.some(
    (path) => pathname === path || (path.endsWith("/") && pathname.startsWith(path)),
  )
    ? NextResponse.next()
    : await gate(request, pathname + search);
  if (!BROWSER_ID_PATTERN.test(request.cookies.get(BROWSER_COOKIE)?.value ?? "")) {
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

async function gate(request: NextRequest, path: string): Promise<NextResponse> {
  const secret = authSecret();
  const token =
    (await getToken({ req: request, secret, secureCookie: true })) ??
    (await getToken({ req: request, secret, secureCookie: false }));
  if (!token) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", path);
    return NextResponse.redirect(login);
  }
  if (path.startsWith("/admin") && token.role !== "admin") {
    return NextResponse.redirect(new URL("/account?denied=admin", request.url));
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/admin/:path*", "/account/:path*", "/login", "/register", "/r/:path*"],
};
