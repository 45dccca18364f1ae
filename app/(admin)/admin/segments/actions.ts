"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { codeTakenState } from "@/lib/actions/action-state";
import { defineAction } from "@/lib/actions/define-action";
import { isAppError } from "@/lib/errors";
import { idField, optionalText } from "@/lib/forms/form-fields";
import { countSegmentUsers } from "@/lib/segments/count-segment-users";
import { deleteSegment } from "@/lib/segments/delete-segment";
import { saveSegment } from "@/lib/segments/save-segment";
import { segmentRulesSchema } from "@/lib/segments/segment-rules";
import { codeSchema } from "@/lib/subscriptions/schemas";

/** The rule builder sends its tree as JSON in one hidden field; parse it, then validate it like the API does. */
const rulesJsonField = z
  .string()
  .transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: "custom", message: "The rules could not be read." });
      return z.NEVER;
    }
  })
  .pipe(segmentRulesSchema);

const optionalId = z.preprocess((value) => (value === "" ? undefined : value), idField.optional());

const segmentFormSchema = z.object({
  id: optionalId,
  code: codeSchema,
  name: z.string().trim().min(1, { message: "Give the segment a name." }).max(200),
  description: optionalText(1000),
  rules: rulesJsonField,
});

/** Rule errors that belong beside the rules rather than at the top of the form. */
const RULE_ERROR_CODES = new Set([
  "segment_cycle",
  "segment_not_found",
  "content_access_not_found",
  "subscription_type_not_found",
]);

export const saveSegmentAction = defineAction(
  {
    permission: "automation.write",
    name: "segments.save",
    schema: segmentFormSchema,
    revalidate: ["/admin/segments"],
  },
  async ({ id, ...input }, { db }) => {
    try {
      await saveSegment(db, { ...input, id });
    } catch (error) {
      const taken = codeTakenState(error, "segment_exists");
      if (taken) return taken;
      if (isAppError(error) && RULE_ERROR_CODES.has(error.code)) {
        return {
          ok: false,
          error: error.code,
          message: error.message,
          fieldErrors: { rules: [error.message] },
        };
      }
      throw error;
    }
    redirect(`/admin/segments?saved=${encodeURIComponent(input.code)}`);
  },
);

export const deleteSegmentAction = defineAction(
  {
    permission: "automation.write",
    name: "segments.delete",
    schema: z.object({ id: idField }),
    revalidate: ["/admin/segments"],
  },
  async ({ id }, { db }) => {
    const segment = await deleteSegment(db, { id });
    redirect(`/admin/segments?deleted=${encodeURIComponent(segment.code)}`);
  },
);

/**
 * The editor's live count of unsaved rules. `code` is the code being edited, so a rule pointing back at the
 * segment itself is reported as a cycle instead of counting its saved version.
 */
export const countSegmentAction = defineAction(
  {
    permission: "automation.read",
    name: "segments.count",
    schema: z.object({
      rules: rulesJsonField,
      code: z.preprocess((v) => (v === "" ? undefined : v), codeSchema.optional()),
    }),
  },
  async ({ rules, code }, { db }) => ({ count: await countSegmentUsers(db, { rules, code }) }),
);
