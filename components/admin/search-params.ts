import { z } from "zod";
import { INT4_MAX } from "@/lib/api/request-schemas";

export type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** Page numbers from the query string: anything that is not a positive integer is page 1. */
export function readPage(params: SearchParams): number {
  const parsed = z.coerce.number().int().min(1).max(100_000).safeParse(first(params.page));
  return parsed.success ? parsed.data : 1;
}

/** A text filter from the query string (trimmed, bounded), or undefined. NUL, which no query can take, is refused. */
export function readText(params: SearchParams, key: string): string | undefined {
  const parsed = z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((text) => !text.includes("\u0000"))
    .safeParse(first(params[key]));
  return parsed.success ? parsed.data : undefined;
}

/** One of a fixed set of values from the query string, or undefined. */
export function readEnum<T extends string>(
  params: SearchParams,
  key: string,
  values: readonly T[],
): T | undefined {
  const value = first(params[key]);
  return values.find((candidate) => candidate === value);
}

/** A positive integer id from the query string, or undefined. */
export function readId(params: SearchParams, key: string): number | undefined {
  // Beyond the int4 range an id names no row (and Postgres would refuse it as a parameter).
  const parsed = z.coerce.number().int().positive().max(INT4_MAX).safeParse(first(params[key]));
  return parsed.success ? parsed.data : undefined;
}

/** A URL for the same list with some parameters changed (undefined/empty removes them). */
export function hrefWith(
  path: string,
  params: Record<string, string | number | undefined>,
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export const PAGE_SIZE = 20;
