import path from "node:path";
import { expect } from "vitest";
import { API_SCOPE_NAMES } from "@/lib/api-tokens/api-scopes";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { showBanner } from "@/lib/banners/show-banner";
import type { Db } from "@/lib/db";
import { userBanners } from "@/lib/db/schema";
import { inviteFriend } from "@/lib/referrals/invite-friend";
import { issueUserToken } from "@/lib/users/issue-user-token";
import { seedCatalogTypes } from "../../support/catalog";
import { insertProgram, makeUser, payFor, uniqueEmail } from "../referrals/referral-kit";
import { call, type Handler } from "./api-test-kit";

/** The route module of an OpenAPI path (`/banners/{id}` → app/api/v1/banners/[id]/route.ts) and its export. */
export async function handlerOf(route: string, method: string): Promise<Handler> {
  const file = path.resolve("app/api/v1", `.${route.replace(/\{(\w+)\}/g, "[$1]")}`, "route.ts");
  const handler = ((await import(file)) as Record<string, Handler | undefined>)[method];
  if (!handler) throw new Error(`${file} exports no ${method}`);
  return handler;
}

export interface FuzzSeed {
  /** An API token with every scope. */
  apiToken: string;
  /** The customer's user token. */
  userToken: string;
  /** The customer: a paid payment (and its subscription), a referral, a banner shown. */
  userId: number;
  /** A seeded row for each path prefix that names one (`/banners` for /banners/{id}). */
  pathIds: Record<string, number>;
}

/**
 * A row for every path id of the API: the catalog (web_monthly, web_yearly, family_pack), a customer with a paid
 * payment, a referral program and a referral, then — through the API, as a client makes them — a banner, a goal
 * (`fuzz_goal`), a segment, a scenario, an upgrade schema and a family type; the banner shown to the customer.
 */
export async function seedFuzzData(db: Db): Promise<FuzzSeed> {
  await seedCatalogTypes(db, {
    contentAccess: ["web"],
    types: {
      web_monthly: { name: "Web monthly", lengthDays: 31, priceCents: 990, content: ["web"] },
      web_yearly: { name: "Web yearly", lengthDays: 365, priceCents: 4990, content: ["web"] },
      family_pack: { name: "Family", lengthDays: 365, priceCents: 9990, content: ["web"] },
    },
  });
  const apiToken = (await createApiToken(db, { name: "fuzz", scopes: [...API_SCOPE_NAMES] })).token;
  const { id: userId } = await makeUser(db);
  const userToken = (await issueUserToken(db, { userId })).token;
  const pathIds: Record<string, number> = {};
  pathIds["/payments"] = (await payFor(db, userId, "web_monthly")).payment.id;
  pathIds["/referral-programs"] = (await insertProgram(db)).id;
  const friend = uniqueEmail("friend");
  pathIds["/referrals"] = (await inviteFriend(db, { referrerUserId: userId, email: friend })).id;
  // [route, body, the response's key for the row]
  const created: [string, unknown, string][] = [
    ["/banners", { title: "Fuzz" }, "banner"],
    ["/goals", { code: "fuzz_goal", name: "Fuzz goal" }, "goal"],
    [
      "/segments",
      {
        code: "fuzz-segment",
        name: "Fuzz",
        rules: {
          match: "all",
          rules: [{ field: "email_domain", operator: "is", value: "x.test" }],
        },
      },
      "segment",
    ],
    ["/scenarios", { name: "Fuzz scenario" }, "scenario"],
    ["/upgrade-schemas", { name: "Fuzz schema" }, "upgrade_schema"],
    [
      "/family/types",
      {
        master_subscription_type_code: "family_pack",
        slave_subscription_type_code: "web_yearly",
        donation_method: "copy",
        count: 3,
        is_paid: true,
      },
      "type",
    ],
  ];
  for (const [route, body, key] of created) {
    const handler = await handlerOf(route, "POST");
    const result = await call(handler, "POST", route, { token: apiToken, body });
    expect(result.status, `${route} ${JSON.stringify(result.json)}`).toBe(201);
    pathIds[route] = result.json[key].id;
  }
  const bannerId = pathIds["/banners"]!;
  await showBanner(db, { bannerId, userId, sourceKey: "fuzz", expiresAt: null });
  pathIds["/users/me/banners"] = (await db.select({ id: userBanners.id }).from(userBanners))[0]!.id;
  return { apiToken, userToken, userId, pathIds };
}
