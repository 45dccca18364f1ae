import { publicApiRoute, NextResponse } from "@/lib/api/api-route";
import { serializeUser } from "@/lib/users/user-json";
import { AppError } from "@/lib/errors";
import { clientAddressOf } from "@/lib/http/client-address";
import { signInWithPassword } from "@/lib/users/sign-in-with-password";
import { issueUserToken } from "@/lib/users/issue-user-token";
import { loginBodySchema } from "@/lib/api/operations/users";

// Throttled per account and address before the password is checked: 429 too_many_attempts with Retry-After.
export const POST = publicApiRoute({ body: loginBodySchema }, async ({ db, body, request }) => {
  const user = await signInWithPassword(db, {
    email: body.email,
    password: body.password,
    clientAddress: clientAddressOf(request.headers),
  });
  // One answer for an unknown email and a wrong password, so the API does not reveal who has an account; and for a
  // sign-in a password reset overtook (the password it checked is no longer the account's).
  const refused = () => new AppError("invalid_credentials", "The email or password is wrong.", 401);
  if (!user) throw refused();
  const access = await issueUserToken(db, { userId: user.id, sessionVersion: user.sessionVersion });
  if (!access) throw refused();
  return NextResponse.json({
    user: serializeUser(user),
    access: { token: access.token, expires_at: access.expiresAt.toISOString() },
  });
});
