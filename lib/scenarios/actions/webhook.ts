import "server-only";
import { createHmac } from "node:crypto";
import { z } from "zod";
import { outboundFetch } from "@/lib/http/outbound-fetch";
import { webhookSecret } from "@/lib/scenarios/webhook-secret";
import { getSetting } from "@/lib/settings";
import { defineGenericAction } from "./define-action";

/**
 * POST a signed JSON payload. The receiver checks `X-Subflow-Signature: sha256=<hex HMAC of the raw body>` with the
 * shared secret and de-duplicates on `X-Subflow-Delivery` (a retried step sends the same delivery id). The request
 * goes through outboundFetch: a URL that reaches a private, loopback or metadata address is refused unless its host
 * is in the setting `outbound.allowed_hosts`; a redirect is not followed (the signed payload goes only where the
 * admin pointed it); 10 s and 1 MB of answer at most.
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
    const response = await outboundFetch(params.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Subflow-Webhook/1",
        "x-subflow-delivery": run.idempotencyKey,
        "x-subflow-signature": `sha256=${signature}`,
      },
      body,
      allowedHosts: await getSetting(run.db, "outbound.allowed_hosts"),
    });
    // Throwing (here or in outboundFetch) makes the durable step retry with backoff; a receiver that keeps failing, or
    // an address that stays refused, fails the visit with the error's message.
    if (response.status < 200 || response.status > 299)
      throw new Error(`Webhook ${params.url} answered ${response.status}.`);
    return { url: params.url, status: response.status };
  },
});
