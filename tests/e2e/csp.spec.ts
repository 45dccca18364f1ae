import type { APIResponse } from "@playwright/test";
import { ScenarioBuilderPage } from "./pages/admin/scenario-builder-page";
import { ForgotPasswordPage } from "./pages/forgot-password-page";
import { LoginPage } from "./pages/login-page";
import { PricingPage } from "./pages/pricing-page";
import { RegisterPage } from "./pages/register-page";
import { SubscribePage } from "./pages/subscribe-page";
import { watchSecurityPolicyReports } from "./support/security-policy-reports";
import { expect, test, uniqueSuffix } from "./fixtures";

/*
 * Issue 18, security headers: every page is sent with a Content-Security-Policy whose script nonce is new on every
 * request and is on every script the page has; pages, handlers and files carry the other security headers. Under
 * that policy the builder (React Flow), the dashboard's chart and the checkout work with nothing refused.
 */

function nonceOf(response: APIResponse): string {
  const policy = response.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
  if (!nonce) throw new Error(`${response.url()}: no nonce in the policy "${policy}"`);
  return nonce;
}

function expectSecurityHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["x-content-type-options"], response.url()).toBe("nosniff");
  expect(headers["x-frame-options"], response.url()).toBe("DENY");
  expect(headers["referrer-policy"], response.url()).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], response.url()).toContain("camera=()");
  // The suite runs a production build.
  expect(headers["strict-transport-security"], response.url()).toContain("max-age=");
}

test("each page gets a policy with a nonce of its own, on all its scripts; pages, handlers and files get the security headers", async ({
  request,
}) => {
  // /forgot-password reads nothing of the request: it used to be prerendered at build time.
  const first = await request.get("/forgot-password");
  const second = await request.get("/forgot-password");
  expect(nonceOf(first)).not.toBe(nonceOf(second));

  const policy = first.headers()["content-security-policy"] ?? "";
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
  expect(policy).not.toContain("unsafe-eval");

  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonceOf(first)}"`);

  const notFound = await request.get(`/no-such-page-${uniqueSuffix()}`);
  expect(notFound.status()).toBe(404);
  expect(await notFound.text()).toContain(`nonce="${nonceOf(notFound)}"`);

  // The proxy's redirect to sign in, a page handler's file, the API, the build's assets, public files.
  const gated = await request.get("/account", { maxRedirects: 0 });
  expect(gated.status()).toBe(307);
  nonceOf(gated);
  const asset = /<script\b[^>]*\bsrc="(\/_next\/static\/[^"]+)"/.exec(html)?.[1];
  expect(asset).toBeTruthy();
  const api = await request.get("/api/v1/openapi.json");
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
  for (const response of [
    first,
    notFound,
    gated,
    api,
    await request.get(asset ?? ""),
    await request.get("/favicon.ico"),
  ]) {
    expect(response.status(), response.url()).toBeLessThan(500);
    expectSecurityHeaders(response);
  }
});

test("the builder and the dashboard's chart work under the policy, with nothing refused", async ({
  page,
}, testInfo) => {
  const reports = await watchSecurityPolicyReports(page.context());
  await new LoginPage(page).signInAsAdmin();

  await page.goto("/admin");
  const chart = page.getByTestId("revenue-chart");
  await expect(chart).toBeVisible();
  expect((await chart.locator("svg").boundingBox())?.height).toBeGreaterThan(100);

  const builder = new ScenarioBuilderPage(page);
  await builder.createScenario(`Policy ${uniqueSuffix()}`);
  await builder.dropFromPalette("event", { x: 330, y: 60 });
  await builder.dropFromPalette("email", { x: 330, y: 260 });
  await expect(builder.nodes).toHaveCount(2);
  const before = await builder.node("email-1").boundingBox();
  await builder.dragNode("email-1", { x: 180, y: 60 });
  await expect
    .poll(async () => ((await builder.node("email-1").boundingBox())?.x ?? 0) - (before?.x ?? 0))
    .toBeGreaterThan(100);
  await builder.connect("event-1", "out", "email-1");
  await expect(builder.edges).toHaveCount(1);
  await builder.waitUntilSaved();
  // React Flow's stylesheet and its inline positions apply: nodes are placed absolutely, by transform.
  await expect(builder.node("email-1")).toHaveCSS("position", "absolute");
  await expect(builder.node("email-1")).toHaveAttribute("style", /transform/);
  await page.screenshot({ path: testInfo.outputPath("builder-under-csp.png") });

  // A page that was prerendered before, and its form.
  await page.goto("/forgot-password");
  const forgotPassword = new ForgotPasswordPage(page);
  await forgotPassword.requestLink(`nobody-${uniqueSuffix()}@example.com`);
  await expect(forgotPassword.sent).toBeVisible();

  expect(reports).toEqual([]);
});

test("the front door, from the pricing page through registration to a paid checkout, with nothing refused", async ({
  browser,
}, testInfo) => {
  const suffix = uniqueSuffix();
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": "198.51.100.91" },
  });
  const reports = await watchSecurityPolicyReports(context);
  const page = await context.newPage();

  const pricing = new PricingPage(page);
  await pricing.openFromHome();
  await pricing.choose("web_monthly");
  const subscribe = new SubscribePage(page);
  await subscribe.registerFirst();
  await new RegisterPage(page).register({
    name: `Policy ${suffix}`,
    email: `policy-${suffix}@example.com`,
    password: "policy-pass-1234",
  });
  await page.waitForURL((url) => url.pathname === "/subscribe/web_monthly");
  await expect(subscribe.summary).toContainText("Web monthly");
  const checkout = await subscribe.continueToPayment();
  await expect(checkout.amount).toHaveText("€4.99");
  // The app's stylesheet applies (its font stack, not the browser's serif default).
  await expect(page.locator("body")).toHaveCSS("font-family", /ui-sans-serif/);
  await page.screenshot({ path: testInfo.outputPath("checkout-under-csp.png") });

  await checkout.payWith("tok_declined");
  await expect(checkout.error).toContainText("declined");
  await checkout.payWith("tok_visa");
  await expect(checkout.result).toContainText("Web monthly is yours");
  await checkout.openAccount();

  expect(reports).toEqual([]);
  await context.close();
});
