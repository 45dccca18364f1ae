import { z } from "zod";
import { FAMILY_CANCEL_REASONS } from "./family-cancel-reasons";

/** Shared by the family routes that cancel a code (revoke, leave). UI-safe. */

// Codes are lowercase; one retyped in capitals or with spaces around it still finds its request.
export const familyCodeBodyField = z.string().trim().toLowerCase().min(1).max(64);

export const familyCodeCanceledSchema = z
  .object({
    code: z.string().meta({ description: "The canceled code." }),
    status: z.literal("canceled"),
    cancel_reason: z.enum(FAMILY_CANCEL_REASONS),
  })
  .meta({ id: "FamilyCodeCanceled" });
