/**
 * The secret that signs and encrypts session JWTs. Production must set NEXTAUTH_SECRET (next-auth refuses to run
 * without one); development falls back to a fixed, public value so `npm run dev` works with no configuration.
 * Edge-safe: the proxy reads it too.
 */
export function authSecret(): string | undefined {
  const configured = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (configured) return configured;
  return process.env.NODE_ENV === "production"
    ? undefined
    : "subflow-development-only-secret-not-for-production";
}
