import { publicApiRoute, NextResponse } from "@/lib/api/api-route";
import { resetPassword } from "@/lib/users/reset-password";
import { confirmPasswordResetBodySchema } from "@/lib/api/operations/users";

export const POST = publicApiRoute(
  { body: confirmPasswordResetBodySchema },
  async ({ db, body }) => {
    await resetPassword(db, { token: body.token, newPassword: body.new_password });
    return new NextResponse(null, { status: 204 });
  },
);
