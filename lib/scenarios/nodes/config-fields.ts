/** Config fields several node types share. UI-safe. */
import { z } from "zod";

/** A code of something a node names (template, segment, goal, action). */
export const codeSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, { message: "Use lowercase letters, digits, - and _." });

/** The longest any wait, recheck or timeout may be: a year, in minutes. */
export const MAX_MINUTES = 525_600;

/** Waits, rechecks and timeouts are whole minutes. */
export const minutesSchema = z.number().int().min(1).max(MAX_MINUTES);
