import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { withAuditContext } from "@/lib/audit/audit-context";
import { authenticateBearer, type BearerPrincipal } from "@/lib/auth/authenticate-bearer";
import { getDb, type Db } from "@/lib/db";
import { retryOnConflict } from "@/lib/db/retry-on-conflict";
import { AppError } from "@/lib/errors";
import { deliverEventsAfterResponse } from "@/lib/events/deliver-after-response";
import { clientAddressOf } from "@/lib/http/client-address";
import type { ApiScope } from "@/lib/api-tokens/api-scopes";
import { toErrorResponse } from "./responses";
import { readJsonBody } from "./read-json-body";
import { readQuery } from "./read-query";

/**
 * Who may call a route: an API token with a scope (or with any of several, for a route whose answer has a part per
 * scope, like search), a user token, or either.
 */
export type ApiAuth =
  | { token: "api"; scope: ApiScope }
  | { token: "api"; anyScope: readonly [ApiScope, ...ApiScope[]] }
  | { token: "user" }
  | { token: "api-or-user"; scope: ApiScope };

type Principal<A extends ApiAuth> = A extends { token: "api" }
  ? Extract<BearerPrincipal, { kind: "api" }>
  : A extends { token: "user" }
    ? Extract<BearerPrincipal, { kind: "user" }>
    : BearerPrincipal;

interface RouteSpec<
  A extends ApiAuth,
  B extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
> {
  auth: A;
  body?: B;
  query?: Q;
}

interface RouteContext<A extends ApiAuth, B, Q> {
  db: Db;
  principal: Principal<A>;
  body: B extends z.ZodType ? z.output<B> : undefined;
  query: Q extends z.ZodType ? z.output<Q> : undefined;
  params: Record<string, string>;
  request: NextRequest;
}

async function authenticate(request: NextRequest, db: Db, auth: ApiAuth): Promise<BearerPrincipal> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1])
    throw new AppError("unauthenticated", "Send Authorization: Bearer <token>.", 401);
  const principal = await authenticateBearer(db, match[1]);
  if (!principal)
    throw new AppError("invalid_token", "The token is unknown, revoked or expired.", 401);
  if (auth.token === "user" && principal.kind !== "user") {
    throw new AppError(
      "user_token_required",
      "This endpoint needs a user token (POST /api/v1/users/login).",
      403,
    );
  }
  if (auth.token === "api" && principal.kind !== "api") {
    throw new AppError("api_token_required", "This endpoint needs an API token.", 403);
  }
  const needed = auth.token === "user" ? [] : "anyScope" in auth ? auth.anyScope : [auth.scope];
  if (
    auth.token !== "user" &&
    principal.kind === "api" &&
    !needed.some((scope) => principal.scopes.includes(scope))
  ) {
    const [scope] = needed;
    throw new AppError(
      "insufficient_scope",
      needed.length > 1
        ? `This token has none of the scopes ${needed.map((s) => `"${s}"`).join(", ")}.`
        : principal.withdrawnScopes.includes(scope!)
          ? `This token's "${scope}" scope is withdrawn: the role of the person who created it no longer allows it.`
          : `This token is not allowed the "${scope}" scope.`,
      403,
    );
  }
  return principal;
}

/**
 * A v1 API route: authenticates the bearer token, parses the JSON body and query string with zod, runs the handler
 * and maps errors to `{ error, message }`. Handlers return a NextResponse.
 */
export function apiRoute<
  A extends ApiAuth,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
>(spec: RouteSpec<A, B, Q>, handler: (context: RouteContext<A, B, Q>) => Promise<NextResponse>) {
  return async (
    request: NextRequest,
    segment: { params: Promise<Record<string, string>> },
  ): Promise<NextResponse> => {
    try {
      const db = await getDb();
      const principal = (await authenticate(request, db, spec.auth)) as Principal<A>;
      const body = (
        spec.body ? spec.body.parse(await readJsonBody(request)) : undefined
      ) as RouteContext<A, B, Q>["body"];
      const query = (spec.query ? spec.query.parse(readQuery(request)) : undefined) as RouteContext<
        A,
        B,
        Q
      >["query"];
      const params = segment?.params ? await segment.params : {};
      const context = { db, principal, body, query, params, request };
      // A deadlock or serialization failure before any gateway call runs the handler once more.
      const run = () =>
        retryOnConflict(`${request.method} ${request.nextUrl.pathname}`, () => handler(context));
      // An API token's changes are audited (a user token acts for its own customer, like the customer zone).
      const response =
        principal.kind === "api" && request.method !== "GET"
          ? await withAuditContext(
              {
                actorUserId: null,
                actorTokenId: principal.tokenId,
                actorLabel: `token ${principal.name}`,
                action: `${request.method} ${request.nextUrl.pathname}`,
                clientAddress: clientAddressOf(request.headers),
              },
              run,
            )
          : await run();
      if (request.method !== "GET") deliverEventsAfterResponse();
      return response;
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

/** A route that needs no token (login). */
export function publicApiRoute<B extends z.ZodType>(
  spec: { body: B },
  handler: (context: { db: Db; body: z.output<B>; request: NextRequest }) => Promise<NextResponse>,
) {
  return async (request: NextRequest): Promise<NextResponse> => {
    try {
      const db = await getDb();
      const body = spec.body.parse(await readJsonBody(request));
      const response = await retryOnConflict(`${request.method} ${request.nextUrl.pathname}`, () =>
        handler({ db, body, request }),
      );
      deliverEventsAfterResponse();
      return response;
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

export { NextResponse };
