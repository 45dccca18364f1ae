import { z } from "zod";

/**
 * The building blocks of the v1 API's responses; each domain's `<domain>-json.ts` describes its entities with them.
 * JSON is snake_case; timestamps are ISO 8601 with an offset; money is integer cents.
 */
export const timestampSchema = z.iso
  .datetime({ offset: true })
  .meta({ description: "ISO 8601 timestamp with offset.", example: "2026-01-01T00:00:00.000Z" });

export const centsSchema = z
  .number()
  .int()
  .meta({ description: "Money in integer cents.", example: 499 });

export const errorSchema = z
  .object({
    error: z
      .string()
      .meta({ description: "A stable code a program can switch on.", example: "validation_error" }),
    message: z.string().meta({ description: "What went wrong, for people." }),
    details: z
      .unknown()
      .optional()
      .meta({ description: "Field errors, when the body or query did not validate." }),
  })
  .meta({ id: "Error" });
