import { z } from "zod";
import { codeSchema } from "@/lib/subscriptions/schemas";
import { segmentRulesSchema } from "./segment-rules";

/** What a segment is saved from (admin form, API). UI-safe. */
export const segmentInputSchema = z.object({
  code: codeSchema,
  name: z.string().trim().min(1, { message: "Give the segment a name." }).max(200),
  description: z.string().trim().max(1000).nullable().optional(),
  rules: segmentRulesSchema,
});
export type SegmentInput = z.input<typeof segmentInputSchema>;
