import { z } from "zod";

/** Field schemas shared by request bodies and query strings of the v1 API. */

/** An ISO 8601 timestamp with an offset (`Z` or `+01:00`), parsed to a Date. */
export const timestampInputSchema = z.iso
  .datetime({
    offset: true,
    message: "Use an ISO 8601 timestamp with an offset, e.g. 2026-01-01T00:00:00Z.",
  })
  .transform((value) => new Date(value))
  .meta({ example: "2026-01-01T00:00:00Z" });

/** The largest value of a Postgres `integer` column (ids, version numbers): a larger one would fail the query. */
export const INT4_MAX = 2_147_483_647;

export const idInputSchema = z.number().int().positive().max(INT4_MAX);

/** A boolean in a query string: `true` or `false`. */
export const queryBooleanSchema = z.enum(["true", "false"]).transform((value) => value === "true");
