import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { serializeUser } from "@/lib/users/user-json";
import { createUser } from "@/lib/users/create-user";
import { createUserBodySchema } from "@/lib/api/operations/users";

export const POST = apiRoute(
  { auth: { token: "api", scope: "users:write" }, body: createUserBodySchema },
  async ({ db, body }) => {
    const { time_zone: timeZone, ...fields } = body;
    const user = await createUser(db, {
      ...fields,
      timeZone: timeZone ?? null,
      role: "customer",
      source: "api",
    });
    return NextResponse.json({ user: serializeUser(user) }, { status: 201 });
  },
);
