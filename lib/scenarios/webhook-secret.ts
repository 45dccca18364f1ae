import "server-only";
import { createHmac } from "node:crypto";
import { authSecret } from "@/lib/auth/auth-secret";
import { AppError } from "@/lib/errors";

/**
 * The key that signs scenario webhooks: `SCENARIO_WEBHOOK_SECRET`, or else one derived from the auth secret (so
 * development needs no configuration, and the session secret itself never leaves the server).
 */
export function webhookSecret(): string {
  const configured = process.env.SCENARIO_WEBHOOK_SECRET;
  if (configured) return configured;
  const base = authSecret();
  if (!base)
    throw new AppError(
      "webhook_secret_missing",
      "Set SCENARIO_WEBHOOK_SECRET to sign webhooks.",
      400,
    );
  return createHmac("sha256", base).update("subflow-scenario-webhooks").digest("hex");
}
