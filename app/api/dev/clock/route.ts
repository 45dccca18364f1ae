import { NextResponse, type NextRequest } from "next/server";
import { authenticateBearer } from "@/lib/auth/authenticate-bearer";
import { forbidden } from "@/lib/auth/forbidden";
import { can } from "@/lib/auth/permissions";
import { currentUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { advanceClockSchema, advanceDevClock } from "@/lib/dev/advance-dev-clock";
import { toErrorResponse } from "@/lib/api/responses";
import { localExecutorEnabled } from "@/inngest/local/mode";
import { inProcessExecutor } from "@/inngest/local/start-in-process";

/** A staff session whose role has the `dev` permission, or an API token with the `dev` scope. */
async function authorize(request: NextRequest): Promise<void> {
  const header = request.headers.get("authorization");
  if (header) {
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? "";
    const principal = await authenticateBearer(await getDb(), token);
    if (!principal)
      throw new AppError("invalid_token", "The token is unknown, revoked or expired.", 401);
    if (principal.kind !== "api" || !principal.scopes.includes("dev")) {
      throw new AppError(
        "insufficient_scope",
        'This needs an API token with the "dev" scope.',
        403,
      );
    }
    return;
  }
  const user = await currentUser();
  if (!user) throw new AppError("unauthenticated", "Sign in as staff or send an API token.", 401);
  if (!can(user.role, "dev")) throw forbidden(user.role, "dev");
}

export async function GET(request: NextRequest) {
  try {
    if (!localExecutorEnabled())
      throw new AppError("not_found", "The dev clock exists only with the local executor.", 404);
    await authorize(request);
    return NextResponse.json({ now: now().toISOString() });
  } catch (error) {
    return toErrorResponse(error);
  }
}

export async function POST(request: NextRequest) {
  try {
    if (!localExecutorEnabled())
      throw new AppError("not_found", "The dev clock exists only with the local executor.", 404);
    await authorize(request);
    const body = advanceClockSchema.parse(await request.json().catch(() => ({})));
    return NextResponse.json({
      now: advanceDevClock(body.advance_minutes, inProcessExecutor()).toISOString(),
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
