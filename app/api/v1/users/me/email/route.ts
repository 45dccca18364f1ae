import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { requestEmailChange } from "@/lib/users/request-email-change";
import { requestEmailChangeBodySchema } from "@/lib/api/operations/users";

export const POST = apiRoute(
  { auth: { token: "user" }, body: requestEmailChangeBodySchema },
  async ({ db, principal, body }) => {
    const requested = await requestEmailChange(db, {
      userId: principal.user.id,
      newEmail: body.email,
      password: body.password,
    });
    return NextResponse.json(
      { new_email: requested.newEmail, expires_at: requested.expiresAt.toISOString() },
      { status: 202 },
    );
  },
);
