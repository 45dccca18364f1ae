import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { countSegmentUsers } from "@/lib/segments/count-segment-users";
import { segmentIdParam } from "@/lib/segments/segment-id-param";

export const GET = apiRoute(
  { auth: { token: "api", scope: "segments" } },
  async ({ db, params }) => {
    const count = await countSegmentUsers(db, { segmentId: segmentIdParam(params) });
    return NextResponse.json({ count });
  },
);
