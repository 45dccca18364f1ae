import { z } from "zod";
import type { ZodOpenApiOperationObject } from "zod-openapi";
import { pathIdParam } from "@/lib/api/path-id-param";
import { notFound } from "@/lib/errors";

/** Path parameters of the scenarios API: a malformed id names nothing, so it is the same 404 as an unknown one. */
export function scenarioIdParam(params: Record<string, string>): number {
  return pathIdParam(params, "id", () => notFound("scenario_not_found", "No such scenario."));
}

export function versionNumberParam(params: Record<string, string>): number {
  return pathIdParam(params, "number", () =>
    notFound("scenario_version_not_found", "No such scenario version."),
  );
}

export function runIdParam(params: Record<string, string>): number {
  return pathIdParam(
    params,
    "runId",
    () => notFound("scenario_run_not_found", "No such scenario run."),
    "bigint",
  );
}

const idPath = z.object({ id: z.string().meta({ description: "Scenario id." }) });

/** Adds the path parameters (OpenAPI `{id}`, `{number}`, `{runId}`) that defineOperation has no field for. */
export function withPathParams(
  operation: ZodOpenApiOperationObject,
  extra: Record<string, string> = {},
): ZodOpenApiOperationObject {
  const path = idPath.extend(
    Object.fromEntries(
      Object.entries(extra).map(([name, description]) => [name, z.string().meta({ description })]),
    ),
  );
  return { ...operation, requestParams: { ...operation.requestParams, path } };
}

/** Every scenarios route takes an API token with the `scenarios` scope. */
export const SCENARIOS_AUTH = { token: "api", scope: "scenarios" } as const;

/** `limit` and `offset` of a paged list in a query string. */
export const pageQueryFields = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: "Up to 200; 50 by default." }),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
};
