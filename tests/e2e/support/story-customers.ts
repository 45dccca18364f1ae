/**
 * Customers whose state only time makes — a renewal declined weeks ago — which neither the API (it acts now) nor a
 * test (the embedded database belongs to the server process) can create while the app runs. The web server's
 * start command creates them first (create-story-customers.ts), living a demo account's story from the seed, under
 * emails of this run (E2E_RUN_ID, set by playwright.config.ts for the server and the workers). One test each.
 */
export interface StoryCustomer {
  email: string;
  password: string;
  name: string;
  /** The demo account (scripts/seed/demo-customers.ts) whose story this customer lives. */
  storyOf: string;
}

export function storyCustomers(): { failedRenewal: StoryCustomer } {
  const runId = process.env.E2E_RUN_ID;
  if (!runId)
    throw new Error("E2E_RUN_ID is not set: run the browser tests through playwright.config.ts");
  return {
    // Web monthly by card whose renewal was declined, which stopped it (charge_failed); the subscription ended.
    failedRenewal: {
      email: `failed-renewal-${runId}@example.com`,
      password: "failed-renewal-1234",
      name: `Failed Renewal ${runId}`,
      storyOf: "petra@subflow.test",
    },
  };
}
