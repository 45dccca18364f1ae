import { NextResponse, type NextRequest } from "next/server";
import { currentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { REFERRAL_COOKIE, REFERRAL_COOKIE_MAX_AGE_SECONDS } from "@/lib/referrals/referral-cookies";
import { findReferrerByCode } from "@/lib/referrals/referral-link";
import { recordSighting, requestFingerprint } from "@/lib/referrals/sightings";

/**
 * A referral link. A visitor is sent to sign-up with the code remembered in a cookie for 30 days, which registration
 * reads. The referrer opening their own link is not a referral: it goes to their referrals page and is remembered as a
 * sighting of them on this browser and IP, so a "friend" registering from here later is held for review. Anyone else
 * signed in goes to their account. An unknown code still leads to sign-up, without a cookie.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const db = await getDb();
  const referrer = await findReferrerByCode(db, code);
  const redirectTo = (path: string) => NextResponse.redirect(new URL(path, request.url));
  if (!referrer) return redirectTo("/register");

  const user = await currentUser();
  if (user?.id === referrer.userId) {
    await recordSighting(db, { userId: user.id, ...(await requestFingerprint()) });
    return redirectTo("/account/referrals");
  }
  // Someone who already has an account is nobody's new friend: their account, no cookie (a second account made from
  // here would otherwise be credited to the link's owner).
  if (user) return redirectTo("/account");
  const response = redirectTo("/register");
  response.cookies.set(REFERRAL_COOKIE, code.trim().toLowerCase(), {
    httpOnly: true,
    sameSite: "lax",
    secure: request.nextUrl.protocol === "https:",
    path: "/",
    maxAge: REFERRAL_COOKIE_MAX_AGE_SECONDS,
  });
  return response;
}
