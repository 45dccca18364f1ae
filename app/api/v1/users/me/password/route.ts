import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { changePassword } from "@/lib/users/change-password";
import { changePasswordBodySchema } from "@/lib/api/operations/users";

export const POST = apiRoute(
  { auth: { token: "user" }, body: changePasswordBodySchema },
  async ({ db, principal, body }) => {
    await changePassword(db, {
      userId: principal.user.id,
      currentPassword: body.current_password,
      newPassword: body.new_password,
    });
    return new NextResponse(null, { status: 204 });
  },
);
