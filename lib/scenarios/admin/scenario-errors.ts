import "server-only";
import { AppError, conflict, notFound } from "@/lib/errors";
import type { GraphError } from "@/lib/scenarios/validate-graph";

/** The errors the management services share, so API and admin pages can switch on one set of codes. */

export const scenarioNotFound = (id: number) =>
  notFound("scenario_not_found", `No scenario with id ${id}.`);

export const scenarioDeleted = () =>
  conflict("scenario_deleted", "The scenario is deleted; restore it before changing it.");

export const scenarioVersionNotFound = (number: number) =>
  notFound("scenario_version_not_found", `The scenario has no version ${number}.`);

/** Publishing or enabling a graph that breaks a rule: the errors point at nodes. */
export function scenarioInvalid(errors: GraphError[], action: "published" | "enabled"): AppError {
  const first = errors[0];
  const summary = first ? `${first.nodeId ? `${first.nodeId}: ` : ""}${first.message}` : "";
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
  return new AppError(
    "scenario_invalid",
    `The scenario cannot be ${action}: ${summary}${more}`,
    400,
    { errors },
  );
}

/** The graph errors carried by a `scenario_invalid` error, or null for any other error. */
export function graphErrorsOf(error: unknown): GraphError[] | null {
  if (!(error instanceof AppError) || error.code !== "scenario_invalid") return null;
  const details = error.details as { errors?: GraphError[] } | undefined;
  return details?.errors ?? [];
}
