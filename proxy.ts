import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { authSecret } from "@/lib/auth/auth-secret";

/**
 * First gate (edge-safe: it only verifies the session JWT, no database): /admin needs an admin, /account any
 * signed-in user. Every page, handler and action checks again against the database.
 */
export async function proxy(request: NextRequest) {
  const secret = authSecret();
  const token =
    (await getToken({ req: request, secret, secureCookie: true })) ?? (await getToken({ req: request, secret, secureCookie: false }));
  const { pathname, search } = request.nextUrl;
  if (!token) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(login);
  }
  if (pathname.startsWith("/admin") && token.role !== "admin") {
    return NextResponse.redirect(new URL("/account?denied=admin", request.url));
  }
  return NextResponse.next();
}

export const config = { matcher: ["/admin/:path*", "/account/:path*"] };
