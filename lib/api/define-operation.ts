import type { ZodOpenApiOperationObject, ZodOpenApiResponsesObject } from "zod-openapi";
import type { z } from "zod";
import type { ApiScope } from "@/lib/api-tokens/api-scopes";
import { errorSchema } from "./response-schemas";

/**
 * Building blocks for the operation objects of lib/api/operations/<domain>.ts, so the OpenAPI document
 * (lib/api/openapi.ts) is assembled from the very schemas the handlers parse with. The error codes listed here are the
 * ones apiRoute and the services actually raise.
 */
type ErrorStatus = 400 | 401 | 402 | 403 | 404 | 409 | 413 | 415 | 429;

const STATUS_TEXT: Record<ErrorStatus, string> = {
  400: "Bad request",
  401: "Not authenticated",
  402: "Payment declined",
  403: "Not allowed",
  404: "Not found",
  409: "Conflict",
  413: "Body too large",
  415: "Body not sent as JSON",
  429: "Too many requests",
};

export type RouteAuth =
  | { token: "api"; scope: ApiScope }
  | { token: "api"; anyScope: readonly ApiScope[] }
  | { token: "user" }
  | { token: "api-or-user"; scope: ApiScope }
  | { token: "none" };

const BODY_ERRORS = ["invalid_body", "invalid_json", "validation_error"];

function errorResponse(status: ErrorStatus, codes: readonly string[]) {
  return {
    description: `${STATUS_TEXT[status]}. Error codes: ${codes.map((code) => `\`${code}\``).join(", ")}.`,
    content: { "application/json": { schema: errorSchema } },
  };
}

export function jsonContent(schema: z.ZodType) {
  return { "application/json": { schema } };
}

interface OperationSpec {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  auth: RouteAuth;
  body?: z.ZodType;
  query?: z.ZodObject;
  headers?: z.ZodObject;
  responses: ZodOpenApiResponsesObject;
  /** Error codes beyond the authentication and body-parsing ones every route shares. */
  errors?: Partial<Record<ErrorStatus, readonly string[]>>;
}

/** One operation: security from `auth`, the JSON body, and the error responses with their codes. */
export function defineOperation(spec: OperationSpec): ZodOpenApiOperationObject {
  const codes: Partial<Record<ErrorStatus, string[]>> = {};
  const add = (status: ErrorStatus, more: readonly string[] | undefined) => {
    if (more?.length) codes[status] = [...(codes[status] ?? []), ...more];
  };
  if (spec.body) {
    add(400, BODY_ERRORS);
    add(413, ["body_too_large"]);
    add(415, ["unsupported_media_type"]);
  } else if (spec.query) add(400, ["validation_error"]);
  if (spec.auth.token !== "none") {
    add(401, ["unauthenticated", "invalid_token"]);
    add(
      403,
      spec.auth.token === "api"
        ? ["api_token_required", "insufficient_scope"]
        : spec.auth.token === "user"
          ? ["user_token_required"]
          : ["insufficient_scope"],
    );
  }
  for (const [status, more] of Object.entries(spec.errors ?? {}))
    add(Number(status) as ErrorStatus, more);

  const responses: ZodOpenApiResponsesObject = { ...spec.responses };
  for (const [status, list] of Object.entries(codes)) {
    responses[status as `${ErrorStatus}`] = errorResponse(Number(status) as ErrorStatus, [
      ...new Set(list),
    ]);
  }
  const scopeNote =
    spec.auth.token === "api" && "anyScope" in spec.auth
      ? `\n\nNeeds an API token with at least one of the scopes ${spec.auth.anyScope.map((s) => `\`${s}\``).join(", ")}.`
      : spec.auth.token === "api"
        ? `\n\nNeeds an API token with the \`${spec.auth.scope}\` scope.`
        : spec.auth.token === "api-or-user"
          ? `\n\nTakes a user token, or an API token with the \`${spec.auth.scope}\` scope.`
          : "";
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    description: `${spec.description ?? spec.summary}${scopeNote}`,
    tags: spec.tags,
    security:
      spec.auth.token === "api" && "anyScope" in spec.auth
        ? spec.auth.anyScope.map((scope) => ({ apiToken: [scope] }))
        : spec.auth.token === "api"
          ? [{ apiToken: [spec.auth.scope] }]
          : spec.auth.token === "user"
            ? [{ userToken: [] }]
            : spec.auth.token === "api-or-user"
              ? [{ apiToken: [spec.auth.scope] }, { userToken: [] }]
              : [],
    ...(spec.query || spec.headers
      ? {
          requestParams: {
            ...(spec.query ? { query: spec.query } : {}),
            ...(spec.headers ? { header: spec.headers } : {}),
          },
        }
      : {}),
    ...(spec.body ? { requestBody: { required: true, content: jsonContent(spec.body) } } : {}),
    responses,
  };
}
