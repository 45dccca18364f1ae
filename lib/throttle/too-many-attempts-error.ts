import { AppError } from "@/lib/errors";

/** A wait as a person reads it: "1 second", "40 seconds", "3 minutes" (rounded up). UI-safe. */
export function describeWait(seconds: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (seconds < 60) return plural(Math.max(1, Math.ceil(seconds)), "second");
  if (seconds < 3600) return plural(Math.ceil(seconds / 60), "minute");
  return plural(Math.ceil(seconds / 3600), "hour");
}

/** A throttled attempt: 429 `too_many_attempts`; the API sends the wait as Retry-After (lib/api/responses.ts). */
export class TooManyAttemptsError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(attempts: string, retryAfterSeconds: number) {
    super(
      "too_many_attempts",
      `Too many ${attempts}. Try again in ${describeWait(retryAfterSeconds)}.`,
      429,
    );
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
