import { z } from "zod";
import { now } from "@/lib/clock";
import { checkboxField, idField } from "@/lib/forms/form-fields";
import { codeSchema } from "@/lib/subscriptions/schemas";

/** Family type configuration input, shared by the admin form, the API and the service. UI-safe: no server imports. */

export const FAMILY_DONATION_METHODS = ["copy", "days", "fixed"] as const;
export type FamilyDonationMethodInput = (typeof FAMILY_DONATION_METHODS)[number];

export const FAMILY_DONATION_METHOD_LABELS: Record<FamilyDonationMethodInput, string> = {
  copy: "Copy the master's dates",
  days: "A number of days from activation",
  fixed: "Until a fixed date",
};

export const FAMILY_TYPE_MAX_COUNT = 1000;
const MAX_DAYS = 3660;

const familyTypeFields = {
  masterTypeCode: codeSchema,
  /** null: a customizable family, whose child types come from the payment's items. */
  childTypeCode: codeSchema.nullable(),
  donationMethod: z.enum(FAMILY_DONATION_METHODS, { message: "Choose a donation method." }),
  donationDays: z
    .number()
    .int()
    .min(1, { message: "At least 1 day." })
    .max(MAX_DAYS)
    .nullable()
    .optional(),
  donationFixedEnd: z.coerce.date().nullable().optional(),
  count: z
    .number()
    .int()
    .min(0)
    .max(FAMILY_TYPE_MAX_COUNT, { message: `At most ${FAMILY_TYPE_MAX_COUNT}.` }),
  isPaid: z.boolean().default(false),
  allowSelfUse: z.boolean().default(false),
  renewalGapDays: z
    .number()
    .int()
    .min(0, { message: "Cannot be negative." })
    .max(MAX_DAYS)
    .default(0),
};

interface FamilyTypeShape {
  masterTypeCode: string;
  childTypeCode: string | null;
  donationMethod: FamilyDonationMethodInput;
  donationDays?: number | null;
  donationFixedEnd?: Date | null;
}

type FamilyTypeField = "childTypeCode" | "donationDays" | "donationFixedEnd";

/**
 * The rules that tie fields together; each issue names its field (`fieldName` renames it, e.g. to the API's
 * snake_case) so forms highlight it and API errors point at the body's own field.
 */
export function checkFamilyType(
  input: FamilyTypeShape,
  ctx: z.RefinementCtx,
  fieldName: (field: FamilyTypeField) => string = (field) => field,
) {
  const issue = (field: FamilyTypeField, message: string) =>
    ctx.addIssue({ code: "custom", path: [fieldName(field)], message });
  if (input.childTypeCode !== null && input.childTypeCode === input.masterTypeCode) {
    issue("childTypeCode", "The child type must differ from the master type.");
  }
  if (input.donationMethod === "days" && !input.donationDays) {
    issue("donationDays", "Give the number of days a child subscription lasts.");
  }
  if (input.donationMethod === "fixed") {
    if (!input.donationFixedEnd)
      issue("donationFixedEnd", "Give the date every child subscription ends.");
    else if (input.donationFixedEnd.getTime() <= now().getTime())
      issue("donationFixedEnd", "The fixed end must be in the future.");
  }
}

/** Only the field of the chosen method is kept: `copy` stores neither days nor a date. */
function normalize<T extends FamilyTypeShape>(input: T) {
  return {
    ...input,
    donationDays: input.donationMethod === "days" ? (input.donationDays ?? null) : null,
    donationFixedEnd: input.donationMethod === "fixed" ? (input.donationFixedEnd ?? null) : null,
  };
}

export const familyTypeInputSchema = z
  .object(familyTypeFields)
  .superRefine(checkFamilyType)
  .transform(normalize);
export type FamilyTypeInput = z.input<typeof familyTypeInputSchema>;
export type FamilyTypeValues = z.output<typeof familyTypeInputSchema>;

const blankTo = (fallback: unknown) => (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? fallback : value;
const formInteger = (schema: z.ZodNumber) =>
  z.preprocess(
    blankTo(undefined),
    z.coerce.number({ message: "Enter a whole number." }).pipe(schema),
  );

/** The admin form: strings from FormData, an absent field for hidden method-specific inputs, "" for customizable. */
export const familyTypeFormSchema = z
  .object({
    id: z.preprocess(blankTo(undefined), idField.optional()),
    masterTypeCode: z.string({ message: "Choose the master type." }).pipe(codeSchema),
    childTypeCode: z.preprocess(blankTo(null), codeSchema.nullable()),
    donationMethod: familyTypeFields.donationMethod,
    donationDays: z.preprocess(
      (value) => (typeof value === "string" ? (value.trim() === "" ? null : Number(value)) : value),
      familyTypeFields.donationDays,
    ),
    // <input type="datetime-local"> carries no zone; the admin works in UTC.
    donationFixedEnd: z
      .preprocess(
        (value) =>
          typeof value === "string" ? (value.trim() === "" ? null : new Date(`${value}Z`)) : value,
        z.date({ message: "Enter a valid date and time." }).nullable(),
      )
      .optional(),
    count: formInteger(familyTypeFields.count),
    isPaid: checkboxField,
    allowSelfUse: checkboxField,
    renewalGapDays: formInteger(
      z.number().int().min(0, { message: "Cannot be negative." }).max(MAX_DAYS),
    ),
  })
  .superRefine(checkFamilyType);
