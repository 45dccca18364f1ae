import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { listSegments } from "@/lib/segments/list-segments";
import { saveSegment } from "@/lib/segments/save-segment";
import { serializeSegment } from "@/lib/segments/segment-json";
import { segmentBodySchema } from "@/lib/api/operations/segments";

export const GET = apiRoute({ auth: { token: "api", scope: "segments" } }, async ({ db }) => {
  const segments = await listSegments(db);
  return NextResponse.json({ segments: segments.map(serializeSegment) });
});

export const POST = apiRoute(
  { auth: { token: "api", scope: "segments" }, body: segmentBodySchema },
  async ({ db, body }) => {
    const segment = await saveSegment(db, body);
    return NextResponse.json({ segment: serializeSegment(segment) }, { status: 201 });
  },
);
