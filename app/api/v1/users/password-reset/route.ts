import { publicApiRoute, NextResponse } from "@/lib/api/api-route";
import { requestPasswordReset } from "@/lib/users/request-password-reset";
import { passwordResetBodySchema } from "@/lib/api/operations/users";

// One answer whatever the outcome (no account, rate-limited, sent), so the API does not reveal who has an account.
export const POST = publicApiRoute({ body: passwordResetBodySchema }, async ({ db, body }) => {
  await requestPasswordReset(db, { email: body.email });
  return new NextResponse(null, { status: 202 });
});
