import { getDb } from "@/lib/db";
import { reconcilePendingPayments } from "@/lib/payments/reconcile-pending-payments";
import { inngest } from "../client";

/**
 * Every five minutes: payments pending at their gateway for a while are settled by asking the gateway (a crash or a
 * timeout between a charge and its settlement, a webhook that never came). Settling is exactly-once per payment.
 */
export const paymentsReconcile = inngest.createFunction(
  { id: "payments-reconcile", triggers: [{ cron: "*/5 * * * *" }] },
  async ({ step }) => step.run("reconcile", async () => reconcilePendingPayments(await getDb())),
);
