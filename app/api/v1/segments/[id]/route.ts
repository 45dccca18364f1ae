import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { deleteSegment } from "@/lib/segments/delete-segment";
import { findSegmentById } from "@/lib/segments/find-segment";
import { saveSegment } from "@/lib/segments/save-segment";
import { segmentIdParam } from "@/lib/segments/segment-id-param";
import { serializeSegment } from "@/lib/segments/segment-json";
import { segmentBodySchema } from "@/lib/api/operations/segments";

const auth = { token: "api", scope: "segments" } as const;

export const GET = apiRoute({ auth }, async ({ db, params }) => {
  const segment = await findSegmentById(db, segmentIdParam(params));
  return NextResponse.json({ segment: serializeSegment(segment) });
});

export const PUT = apiRoute({ auth, body: segmentBodySchema }, async ({ db, params, body }) => {
  const segment = await saveSegment(db, { ...body, id: segmentIdParam(params) });
  return NextResponse.json({ segment: serializeSegment(segment) });
});

export const DELETE = apiRoute({ auth }, async ({ db, params }) => {
  const segment = await deleteSegment(db, { id: segmentIdParam(params) });
  return NextResponse.json({ segment: serializeSegment(segment) });
});
