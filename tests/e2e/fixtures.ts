import { test as base } from "@playwright/test";
import { ApiTokensPage } from "./pages/admin/api-tokens-page";
import { LoginPage } from "./pages/login-page";
import { ADMIN_API_SCOPES, AdminApi } from "./support/admin-api";
import { uniqueSuffix } from "./support/customers";

export { expect } from "@playwright/test";
export {
  createCustomer,
  signedInAs,
  stopRenewalAsCustomer,
  uniqueSuffix,
} from "./support/customers";

/**
 * `adminApi`: the v1 API with a token the seeded admin makes in the admin, once per worker, for the tests' own
 * customers and payments.
 */
export const test = base.extend<object, { adminApi: AdminApi }>({
  adminApi: [
    async ({ browser, playwright }, use, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL;
      const context = await browser.newContext({ baseURL });
      const page = await context.newPage();
      await new LoginPage(page).signInAsAdmin();
      const token = await new ApiTokensPage(page).createToken(
        `e2e-worker-${uniqueSuffix()}`,
        ADMIN_API_SCOPES,
      );
      await context.close();
      const request = await playwright.request.newContext({
        baseURL,
        extraHTTPHeaders: { authorization: `Bearer ${token}` },
      });
      await use(new AdminApi(request));
      await request.dispose();
    },
    { scope: "worker" },
  ],
});
