import { AppError } from "@/lib/errors";
import { findJsonBodyProblem } from "./storable-text";

/**
 * A route's query string as a record for its zod schema. A NUL character (`%00`) is refused here, for every route:
 * Postgres cannot take it in a text parameter, so a search or filter holding one would fail deep inside a query (500).
 */
export function readQuery(request: Request): Record<string, string> {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  if (findJsonBodyProblem(query) === "unstorable")
    throw new AppError("validation_error", "Query parameters may not contain NUL characters.", 400);
  return query;
}
