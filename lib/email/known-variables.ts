/**
 * The variables every email can use, from build-email-context.ts. UI-safe (the editor lists them). Callers may add
 * more through `extra`, so an unknown name is a warning, not an error.
 */
export const KNOWN_EMAIL_VARIABLES = [
  "user.id",
  "user.email",
  "user.name",
  "subscription.type_name",
  "subscription.start_at",
  "subscription.end_at",
  "app.name",
  "app.url",
] as const;
