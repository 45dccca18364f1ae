import "server-only";
import Stripe from "stripe";

const clients = new Map<string, Stripe>();

/**
 * The Stripe client for the configured key, created on first use (so importing the gateway needs no secrets) and
 * kept per key and API base. `STRIPE_API_BASE` points the SDK at another server — the tests' fake Stripe.
 */
export function stripeClient(): Stripe {
  const key = process.env.STRIPE_SECRET_KEY?.trim();
  if (!key)
    throw new Error(
      "STRIPE_SECRET_KEY is not set: the stripe gateway needs the account's secret key (sk_…).",
    );
  const base = process.env.STRIPE_API_BASE?.trim() || "";
  const cacheKey = `${key}\n${base}`;
  let client = clients.get(cacheKey);
  if (!client) {
    // Retries reuse the request's idempotency key, so a retried charge is still one charge.
    client = new Stripe(key, { maxNetworkRetries: 2, ...apiBaseConfig(base) });
    clients.set(cacheKey, client);
  }
  return client;
}

export function stripeWebhookSecret(): string {
  const secret = process.env.STRIPE_WEBHOOK_SECRET?.trim();
  if (!secret)
    throw new Error(
      "STRIPE_WEBHOOK_SECRET is not set: Stripe webhooks cannot be verified without it (whsec_…).",
    );
  return secret;
}

function apiBaseConfig(base: string): Pick<Stripe.StripeConfig, "host" | "port" | "protocol"> {
  if (!base) return {};
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new Error(`STRIPE_API_BASE="${base}" is not a URL (e.g. http://127.0.0.1:12111).`);
  }
  const protocol = url.protocol === "http:" ? "http" : "https";
  return { host: url.hostname, port: url.port || (protocol === "http" ? 80 : 443), protocol };
}
