import "server-only";
import { createHmac } from "node:crypto";
import { z } from "zod";
import { webhookSecret } from "@/lib/scenarios/webhook-secret";
import { defineGenericAction } from "./define-action";

const TIMEOUT_MS = 10_000;

/**
 * POST a signed JSON payload. The receiver checks `X-Subflow-Signature: sha256=<hex HMAC of the raw body>` with the
 * shared secret and de-duplicates on `X-Subflow-Delivery` (a retried step sends the same delivery id).
 */
export default defineGenericAction({
  code: "webhook",
  label: "Webhook",
  description: "POSTs the user and trigger as signed JSON to a URL.",
  params: z.strictObject({
    url: z.url({ protocol: /^https?$/, message: "Enter an http(s) URL." }).meta({ title: "URL" }),
  }),
  describe: (params) => `POST to ${params.url}`,
  async execute(run, params) {
    const user = await run.user();
    const body = JSON.stringify({
      delivery_id: run.idempotencyKey,
      scenario_id: run.scenarioId,
      run_id: run.runId,
      node_id: run.nodeId,
      user: { id: user.id, email: user.email, name: user.name },
      trigger: run.trigger,
      sent_at: run.now.toISOString(),
    });
    const signature = createHmac("sha256", webhookSecret()).update(body).digest("hex");
    const response = await fetch(params.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Subflow-Webhook/1",
        "x-subflow-delivery": run.idempotencyKey,
        "x-subflow-signature": `sha256=${signature}`,
      },
      body,
      // A redirect is not followed: the signed payload goes only where the admin pointed it.
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    // Throwing makes the durable step retry with backoff; a receiver that keeps failing fails the visit.
    if (!response.ok) throw new Error(`Webhook ${params.url} answered ${response.status}.`);
    return { url: params.url, status: response.status };
  },
});
