import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { notFound } from "@/lib/errors";
import { findSegmentById } from "@/lib/segments/find-segment";
import { isUserInSegment } from "@/lib/segments/is-user-in-segment";
import { segmentIdParam } from "@/lib/segments/segment-id-param";
import { findUser } from "@/lib/users/find-user";

export const GET = apiRoute(
  { auth: { token: "api", scope: "segments" } },
  async ({ db, params }) => {
    const segment = await findSegmentById(db, segmentIdParam(params));
    const userId = segmentIdParam(params, "userId");
    // "Not a member" and "no such user" are different answers for a caller.
    if (!(await findUser(db, userId)))
      throw notFound("user_not_found", `No user with id ${userId}.`);
    return NextResponse.json({
      member: await isUserInSegment(db, { segmentCode: segment.code, userId }),
    });
  },
);
