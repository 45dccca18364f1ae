import { z } from "zod";
import { parseMoney } from "@/lib/money";

/** zod pieces for HTML form values (strings, absent checkboxes). UI-safe. */

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/** A checkbox: present ("on") is true, absent is false. */
export const checkboxField = z.preprocess(
  (value) => value === "on" || value === "true" || value === true,
  z.boolean(),
);

/** A positive integer id from a hidden field or select. */
export const idField = z.coerce.number().int().positive();

/** A whole number typed in a text/number input. */
export const integerField = (message = "Enter a whole number.") =>
  z.preprocess(blankToUndefined, z.coerce.number({ message }).int({ message }));

/** A money amount typed by a person ("4.99") as cents. */
export const moneyField = z.preprocess(
  (value) =>
    typeof value === "string"
      ? value.trim() === ""
        ? undefined
        : (parseMoney(value) ?? Number.NaN)
      : value,
  z
    .number({ message: "Enter an amount like 4.99." })
    .int()
    .min(0, { message: "The amount cannot be negative." }),
);

/** An optional text input: blank becomes undefined. */
export const optionalText = (max = 500) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max).optional());

/** An optional <input type="datetime-local">, read as UTC. */
export const optionalUtcDateTime = z.preprocess(
  (value) => (typeof value === "string" && value.trim() !== "" ? new Date(`${value}Z`) : undefined),
  z.date({ message: "Enter a valid date and time." }).optional(),
);

/** An array field that may arrive as a single string or be absent. */
export const stringList = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.string()),
);
