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
  // Marketing topics only (send-template-email.ts, template-consent.ts): a footer adds both when a template uses neither.
  "unsubscribe_url",
  "preferences_url",
] as const;
