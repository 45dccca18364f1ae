import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { withSegmentIdPath } from "../schema";

export const segmentCountSchema = z
  .object({ count: z.number().int().meta({ description: "Users in the segment now." }) })
  .meta({ id: "SegmentCount" });

export const countSegmentOperation = withSegmentIdPath(
  defineOperation({
    operationId: "countSegmentUsers",
    summary: "Count the users in a segment now",
    tags: ["Segments"],
    auth: { token: "api", scope: "segments" },
    responses: { "200": { description: "The count.", content: jsonContent(segmentCountSchema) } },
    errors: { 400: ["segment_not_found", "segment_cycle"], 404: ["segment_not_found"] },
  }),
);
