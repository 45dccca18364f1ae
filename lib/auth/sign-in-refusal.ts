import { describeWait } from "@/lib/throttle/too-many-attempts-error";

/**
 * next-auth hands the login form only the message of an error thrown in `authorize`, as a string: a throttled
 * sign-in is sent as `too_many_attempts:<seconds>`, which the form turns back into words. UI-safe.
 */
const PREFIX = "too_many_attempts:";

export function throttledSignInError(retryAfterSeconds: number): string {
  return `${PREFIX}${retryAfterSeconds}`;
}

/** How long a throttled sign-in must wait, in seconds, or null for any other error. */
export function throttledSignInSeconds(error: string | null | undefined): number | null {
  const match = error?.startsWith(PREFIX) ? /^\d+$/.exec(error.slice(PREFIX.length)) : null;
  return match ? Number(match[0]) : null;
}

/** The message for a throttled sign-in's error, or null for any other error. */
export function throttledSignInMessage(error: string | null | undefined): string | null {
  const seconds = throttledSignInSeconds(error);
  return seconds === null
    ? null
    : `Too many sign-in attempts. Wait ${describeWait(seconds)} and try again.`;
}
