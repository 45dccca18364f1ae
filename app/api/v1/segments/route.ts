import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { listSegments } from "@/lib/segments/list-segments";
import { saveSegment } from "@/lib/segments/save-segment";
import { segmentJson } from "@/lib/segments/segment-json";
import { segmentBodySchema } from "./schema";

export const GET = apiRoute({ auth: { token: "api", scope: "segments" } }, async ({ db }) => {
  const segments = await listSegments(db);
  return NextResponse.json({ segments: segments.map(segmentJson) });
});

export const POST = apiRoute({ auth: { token: "api", scope: "segments" }, body: segmentBodySchema }, async ({ db, body }) => {
  const segment = await saveSegment(db, body);
  return NextResponse.json({ segment: segmentJson(segment) }, { status: 201 });
});
