import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as purchases from "@/app/api/v1/purchases/route";
import * as renewal from "@/app/api/v1/users/me/renewal/route";
import * as plan from "@/app/api/v1/users/me/plan-change/route";
import * as card from "@/app/api/v1/users/me/card/route";
import * as retry from "@/app/api/v1/payments/[id]/retry/route";
import * as receipt from "@/app/api/v1/payments/[id]/receipt.pdf/route";
import * as leave from "@/app/api/v1/family/leave/route";
import * as revoke from "@/app/api/v1/family/revoke/route";
import * as seats from "@/app/api/v1/family/seats/route";
import * as reset from "@/app/api/v1/users/password-reset/route";
import * as resetConfirm from "@/app/api/v1/users/password-reset/confirm/route";
import * as me from "@/app/api/v1/users/me/route";
import * as email from "@/app/api/v1/users/me/email/route";
import * as password from "@/app/api/v1/users/me/password/route";
import * as myPayments from "@/app/api/v1/users/me/payments/route";
import * as webhook from "@/app/api/webhooks/stripe/route";
import * as login from "@/app/api/v1/users/login/route";
import { createUser } from "@/lib/users/create-user";
import { issueUserToken } from "@/lib/users/issue-user-token";
import { openTestDatabase } from "../../support/test-database";

/*
 * The routes of the front door and self-service under hostile input — wrong JSON types, invalid JSON, an empty
 * body, a 100 KB string, nested arrays (200 and 5,000 deep), a body over 1 MB, a bad id, no or an unknown token, an
 * unconfigured Stripe webhook — answer a 4xx, never a 5xx.
 */

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let token = "";
beforeAll(async () => {
  database = await openTestDatabase();
  const user = await createUser(database.db, {
    email: "fuzz@example.test",
    password: "secret-password",
  });
  token = (await issueUserToken(database.db, { userId: user.id })).token;
});
afterAll(() => database.close());

const nested = (depth: number) => `{"a":${"[".repeat(depth)}1${"]".repeat(depth)}}`;
const bodies = [
  '"x"',
  "[]",
  "{}",
  "null",
  "123",
  "{bad json",
  nested(200),
  nested(5000),
  JSON.stringify({ email: "x".repeat(1_100_000) }),
  JSON.stringify({
    subscription_type_code: "x".repeat(100_000),
    action: 5,
    code: [],
    count: "many",
    email: {},
    token: 1,
    new_password: null,
    idempotency_key: {},
  }),
  "",
];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const routes: [string, any][] = [
  ["purchases", purchases.POST],
  ["renewal", renewal.POST],
  ["plan", plan.POST],
  ["plan-del", plan.DELETE],
  ["card", card.POST],
  ["retry", retry.POST],
  ["leave", leave.POST],
  ["revoke", revoke.POST],
  ["seats", seats.POST],
  ["reset", reset.POST],
  ["resetConfirm", resetConfirm.POST],
  ["me", me.PATCH],
  ["email", email.POST],
  ["password", password.POST],
  ["webhook", webhook.POST],
  ["login", login.POST],
];

const post = (body: string, headers: Record<string, string> = {}) =>
  new NextRequest("http://localhost/api/v1/users/login", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
  });

it("refuses a body nested deeper than 64 levels with 400 invalid_body, as anyone, before any other check", async () => {
  // The issue's probe: an anonymous 10 KB login request of 5,000 nested arrays used to overflow the stack (500).
  const response = await login.POST(post(`${"[".repeat(5000)}${"]".repeat(5000)}`));
  expect(response.status).toBe(400);
  expect(await response.json()).toMatchObject({ error: "invalid_body" });
});

it("refuses a body over 1 MB with 413 body_too_large, by its declared length or its read length", async () => {
  const large = JSON.stringify({ email: "x".repeat(1_100_000), password: "p" });
  const declared = await login.POST(post(large));
  expect(declared.status).toBe(413);
  expect(await declared.json()).toMatchObject({ error: "body_too_large" });
  const understated = await login.POST(post(large, { "content-length": "10" }));
  expect(understated.status).toBe(413);
});

it("never answer 5xx", async () => {
  const bad: string[] = [];
  for (const [name, handler] of routes) {
    for (const body of bodies) {
      for (const auth of [token, "", "nope"]) {
        const request = new NextRequest("http://localhost/api/v1/x", {
          method: "POST",
          body,
          headers: {
            "content-type": "application/json",
            ...(auth ? { authorization: `Bearer ${auth}` } : {}),
          },
        });
        const response = await handler(request, { params: Promise.resolve({ id: "abc" }) });
        if (response.status >= 500)
          bad.push(`${name} ${response.status} ${body.slice(0, 30)} ${await response.text()}`);
      }
    }
  }
  for (const [name, handler] of [
    ["receipt", receipt.GET],
    ["mypayments", myPayments.GET],
  ] as const) {
    for (const q of ["?document=zzz", "?limit=-1&offset=x", "?" + "a=1&".repeat(1000)]) {
      const response = await handler(
        new NextRequest(`http://localhost/api/v1/x${q}`, {
          headers: { authorization: `Bearer ${token}` },
        }),
        { params: Promise.resolve({ id: "99999999999999" }) },
      );
      if (response.status >= 500) bad.push(`${name} ${response.status}`);
    }
  }
  expect(bad).toEqual([]);
});
