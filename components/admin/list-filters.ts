import { z } from "zod";
import { INT4_MAX } from "@/lib/api/request-schemas";
import { paymentStatus, referralStatus, scenarioRunStatus } from "@/lib/db/schema";
import { PAYMENT_GATEWAY_CODES } from "@/lib/payments/gateways/gateway-codes";
import type { PaymentListFilters } from "@/lib/payments/list-payments";
import type { ReferralListFilters } from "@/lib/referrals/admin/list-referrals";
import { nodeIdSchema } from "@/lib/scenarios/graph";
import type { ScenarioRunFilters } from "@/lib/scenarios/runs/search-scenario-runs";
import type { SubscriptionListFilters } from "@/lib/subscriptions/list-subscriptions";
import { SUBSCRIPTION_STATES } from "@/lib/subscriptions/subscription-state";
import type { UserListFilters } from "@/lib/users/list-users";
import {
  rolesOfFilter,
  USER_ROLE_FILTERS,
  type UserRoleFilter,
} from "@/lib/users/user-role-filter";
import { readEnum, readId, readText, type SearchParams } from "./search-params";

/**
 * The filters of the admin lists (users, subscriptions, payments, referrals, a scenario's runs) read from a URL's
 * query: each list page and its CSV export read them here, so an export lists exactly the rows the page shows.
 * `query` is the filters as the URL writes them (for links: pagination, the export link); `filters` is what the
 * list's service takes.
 */
export interface ListFilterQuery<F> {
  query: Record<string, string | number | undefined>;
  filters: F;
}

export function readUserListFilters(params: SearchParams): ListFilterQuery<UserListFilters> & {
  q?: string;
  role?: UserRoleFilter;
} {
  const q = readText(params, "q");
  const role = readEnum(params, "role", USER_ROLE_FILTERS);
  return {
    q,
    role,
    query: { q, role },
    filters: { search: q, roles: rolesOfFilter(role) },
  };
}

export function readSubscriptionListFilters(
  params: SearchParams,
): ListFilterQuery<SubscriptionListFilters> {
  const email = readText(params, "email");
  const type = readId(params, "type");
  const state = readEnum(params, "state", SUBSCRIPTION_STATES);
  return {
    query: { email, type, state },
    filters: { email, subscriptionTypeId: type, state },
  };
}

export function readPaymentListFilters(params: SearchParams): ListFilterQuery<PaymentListFilters> {
  const status = readEnum(params, "status", paymentStatus.enumValues);
  const gateway = readEnum(params, "gateway", PAYMENT_GATEWAY_CODES);
  return { query: { status, gateway }, filters: { status, gateway } };
}

export function readReferralListFilters(
  params: SearchParams,
): ListFilterQuery<ReferralListFilters> {
  const status = readEnum(params, "status", referralStatus.enumValues);
  const program = readId(params, "program");
  const flagged = readText(params, "flagged") !== undefined;
  const email = readText(params, "email");
  return {
    query: { status, program, flagged: flagged ? "1" : undefined, email },
    filters: { status, programId: program, flaggedOnly: flagged, email },
  };
}

const versionNumberSchema = z.coerce.number().int().positive().max(INT4_MAX);

export function readScenarioRunListFilters(
  params: SearchParams,
): ListFilterQuery<ScenarioRunFilters> {
  const status = readEnum(params, "status", scenarioRunStatus.enumValues);
  // Bounded like the column, so a huge number is no filter rather than a failing query.
  const version = versionNumberSchema.safeParse(readText(params, "version")).data;
  const email = readText(params, "email");
  const node = nodeIdSchema.safeParse(readText(params, "node")).data;
  return {
    query: { status, version, email, node },
    filters: { status, versionNumber: version, email, nodeId: node },
  };
}

/** A URL's query (from a route handler) as the SearchParams the readers take; repeated keys become lists. */
export function searchParamsOf(url: URL): SearchParams {
  const params: SearchParams = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    params[key] = values.length > 1 ? values : values[0];
  }
  return params;
}
