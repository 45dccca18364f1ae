import { z } from "zod";
import { defineOperation, jsonContent } from "@/lib/api/define-operation";
import { paymentStatus, referralStatus } from "@/lib/db/schema";
import { PAYMENT_GATEWAY_CODES } from "@/lib/payments/gateways/gateway-codes";
import { SEARCH_QUERY_MAX, SEARCH_SCOPES } from "@/lib/search/search-groups";
import { searchResultsSchema } from "@/lib/search/search-json";
import { SUBSCRIPTION_STATES } from "@/lib/subscriptions/subscription-state";
import { USER_ROLE_FILTERS } from "@/lib/users/user-role-filter";

/*
 * The admin's conveniences for programs: the search behind the ⌘K palette, and the CSV exports of the four lists.
 * Each export's query takes the filters of the admin list page it mirrors, so a program gets the rows a person sees.
 */

const INT4_MAX = 2_147_483_647;
const filterText = (description: string) =>
  z.string().trim().min(1).max(200).optional().meta({ description });

export const searchQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(SEARCH_QUERY_MAX).meta({
    description:
      "The text: an email's start, a name or a word of it, part of a code or name, or an id (`42`, `#42`).",
    example: "jane",
  }),
});

export const searchOperation = defineOperation({
  operationId: "search",
  summary: "Search users, subscription types, scenarios and email templates",
  description:
    "What the admin's ⌘K palette finds, up to 6 hits a group. Each group needs its scope, and groups the token's " +
    "scopes do not open are left out: `users` needs `users:read` (users by email prefix, a name or a word of it " +
    "starting with the text, or id), `subscription_types` needs `subscriptions:read`, `scenarios` and " +
    "`email_templates` need `automation:read` (by any part of the name or code). Groups without hits are omitted.",
  tags: ["Admin"],
  auth: { token: "api", anyScope: SEARCH_SCOPES },
  query: searchQuerySchema,
  responses: {
    "200": { description: "The hits, by group.", content: jsonContent(searchResultsSchema) },
  },
});

const csvResponse = (what: string) => ({
  "200": {
    description:
      `${what} as CSV (RFC 4180, UTF-8 with a byte order mark, CRLF line ends), streamed. Times are ISO 8601 in ` +
      "UTC; text a spreadsheet would run as a formula (starting with = + - @, a tab or CR) is prefixed with `'`. " +
      "Every export is recorded in the audit log (`export.<list>`).",
    content: { "text/csv": { schema: z.string() } },
  },
});

export const exportUsersQuerySchema = z.strictObject({
  q: filterText("Part of the email or name, case-insensitively (the users page's search)."),
  role: z
    .enum(USER_ROLE_FILTERS)
    .optional()
    .meta({ description: "One role, or `staff` for every role but customer." }),
});

export const exportUsersOperation = defineOperation({
  operationId: "exportUsersCsv",
  summary: "Export users as CSV",
  description: "The users list of the admin, newest first, with its filters.",
  tags: ["Admin"],
  auth: { token: "api", scope: "users:read" },
  query: exportUsersQuerySchema,
  responses: csvResponse("Columns id, email, name, role, created_at, confirmed_at, last_login_at"),
});

export const exportSubscriptionsQuerySchema = z.strictObject({
  email: filterText("Part of the user's email, case-insensitively."),
  subscription_type_id: z.coerce.number().int().positive().max(INT4_MAX).optional(),
  state: z
    .enum(["actual", "upcoming", "ended"] as const satisfies typeof SUBSCRIPTION_STATES)
    .optional()
    .meta({ description: "`actual` (start ≤ now < end), `upcoming` or `ended`." }),
});

export const exportSubscriptionsOperation = defineOperation({
  operationId: "exportSubscriptionsCsv",
  summary: "Export subscriptions as CSV",
  description: "The subscriptions list of the admin, latest end first, with its filters.",
  tags: ["Admin"],
  auth: { token: "api", scope: "subscriptions:read" },
  query: exportSubscriptionsQuerySchema,
  responses: csvResponse(
    "Columns id, user_id, user_email, subscription_type_code, subscription_type_name, content_access " +
      "(space-separated), kind, state, start_at, end_at, is_paid, payment_id",
  ),
});

export const exportPaymentsQuerySchema = z.strictObject({
  status: z.enum(paymentStatus.enumValues).optional(),
  gateway: z.enum(PAYMENT_GATEWAY_CODES).optional(),
});

export const exportPaymentsOperation = defineOperation({
  operationId: "exportPaymentsCsv",
  summary: "Export payments as CSV",
  description: "The payments list of the admin, newest first, with its filters.",
  tags: ["Admin"],
  auth: { token: "api", scope: "payments:read" },
  query: exportPaymentsQuerySchema,
  responses: csvResponse(
    "Columns id, user_id, user_email, amount (a decimal, `12.34`), currency (ISO 4217), status, gateway, items " +
      "(`count × name (amount)`, `; `-separated), created_at, paid_at, refunded_at, failure_reason",
  ),
});

export const exportReferralsQuerySchema = z.strictObject({
  status: z.enum(referralStatus.enumValues).optional(),
  program_id: z.coerce.number().int().positive().max(INT4_MAX).optional(),
  flagged: z
    .enum(["true", "false"])
    .optional()
    .meta({ description: "`true`: only referrals waiting for review." }),
  email: filterText("Part of the referrer's or the friend's email, case-insensitively."),
});

export const exportReferralsOperation = defineOperation({
  operationId: "exportReferralsCsv",
  summary: "Export referrals as CSV",
  description: "The referrals list of the admin, newest first, with its filters.",
  tags: ["Admin"],
  auth: { token: "api", scope: "referrals:read" },
  query: exportReferralsQuerySchema,
  responses: csvResponse(
    "Columns id, status, review, source, program_id, program_name, referrer_user_id, referrer_email, " +
      "referred_email, referred_name, referred_user_id, friend_email, trigger, reward_statuses (space-separated), " +
      "error_reason, created_at, triggered_at, completed_at, expires_at, reviewed_at",
  ),
});
