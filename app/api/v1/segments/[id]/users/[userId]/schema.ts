import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/openapi-operations";
import { withSegmentIdPath } from "../../schema";

export const segmentMembershipSchema = z
  .object({ member: z.boolean().meta({ description: "Whether the user is in the segment now." }) })
  .meta({ id: "SegmentMembership" });

export const segmentMembershipOperation = withSegmentIdPath(
  defineOperation({
    operationId: "isUserInSegment",
    summary: "Is a user in a segment now?",
    tags: ["Segments"],
    auth: { token: "api", scope: "segments" },
    responses: { "200": { description: "Membership now.", content: jsonContent(segmentMembershipSchema) } },
    errors: { 400: ["segment_not_found", "segment_cycle"], 404: ["segment_not_found", "user_not_found"] },
  }),
  { userId: z.string().regex(/^\d{1,10}$/).meta({ description: "User id." }) },
);
