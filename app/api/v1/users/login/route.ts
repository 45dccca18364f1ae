import { publicApiRoute, NextResponse } from "@/lib/api/api-route";
import { serializeUser } from "@/lib/users/user-json";
import { AppError } from "@/lib/errors";
import { authenticateUser } from "@/lib/users/authenticate-user";
import { issueUserToken } from "@/lib/users/issue-user-token";
import { loginBodySchema } from "@/lib/api/operations/users";

export const POST = publicApiRoute({ body: loginBodySchema }, async ({ db, body }) => {
  const user = await authenticateUser(db, body.email, body.password);
  // One answer for an unknown email and a wrong password, so the API does not reveal who has an account.
  if (!user) throw new AppError("invalid_credentials", "The email or password is wrong.", 401);
  const access = await issueUserToken(db, { userId: user.id });
  return NextResponse.json({
    user: serializeUser(user),
    access: { token: access.token, expires_at: access.expiresAt.toISOString() },
  });
});
