import { MINUTE_MS } from "@/lib/clock";

/**
 * How one key (an account or a client address) is throttled: attempts within the last `windowMs` count; the first
 * `freeAttempts` of them need no wait; after that each attempt waits `firstDelayMs` from the latest one, then twice
 * that, four times… up to `maxDelayMs`. Attempts older than the window stop counting, so the waits shrink again.
 */
export interface ThrottleRule {
  windowMs: number;
  freeAttempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export interface ThrottlePolicy {
  /** What is being attempted, as the refusal names it ("Too many sign-in attempts."). */
  attempts: string;
  /** The account's own allowance: the email signed in with or asked about, or the signed-in user. */
  account?: ThrottleRule;
  /** The client address's allowance, larger: people behind one address (an office, a mobile carrier) share it. */
  address: ThrottleRule;
}

const SECOND_MS = 1000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * Every throttled operation and its limits. Sign-in counts failures only (signInWithPassword forgets a successful
 * attempt, and the account's earlier failures with it); the others count every attempt, whatever its outcome.
 */
export const THROTTLE_POLICIES = {
  "sign-in": {
    attempts: "sign-in attempts",
    account: {
      windowMs: 15 * MINUTE_MS,
      freeAttempts: 5,
      firstDelayMs: SECOND_MS,
      maxDelayMs: 5 * MINUTE_MS,
    },
    address: {
      windowMs: 15 * MINUTE_MS,
      freeAttempts: 30,
      firstDelayMs: SECOND_MS,
      maxDelayMs: 5 * MINUTE_MS,
    },
  },
  // Public sign-up only (the register form): accounts made with an API token or by staff are not throttled.
  registration: {
    attempts: "sign-up attempts",
    address: {
      windowMs: HOUR_MS,
      freeAttempts: 20,
      firstDelayMs: 30 * SECOND_MS,
      maxDelayMs: 30 * MINUTE_MS,
    },
  },
  // Above the mailbox's own limit of 5 links an hour (requestPasswordReset), which answers the same as a sent link.
  "password-reset": {
    attempts: "password reset requests",
    account: {
      windowMs: HOUR_MS,
      freeAttempts: 10,
      firstDelayMs: MINUTE_MS,
      maxDelayMs: 30 * MINUTE_MS,
    },
    address: {
      windowMs: HOUR_MS,
      freeAttempts: 20,
      firstDelayMs: MINUTE_MS,
      maxDelayMs: 30 * MINUTE_MS,
    },
  },
  // Above the referrer's 20 sent invitations an hour (inviteFriend): what this adds is a limit on refused ones, which
  // tell whether an address has an account.
  "referral-invitation": {
    attempts: "invitations",
    account: {
      windowMs: HOUR_MS,
      freeAttempts: 30,
      firstDelayMs: 10 * SECOND_MS,
      maxDelayMs: 30 * MINUTE_MS,
    },
    address: {
      windowMs: HOUR_MS,
      freeAttempts: 60,
      firstDelayMs: 10 * SECOND_MS,
      maxDelayMs: 30 * MINUTE_MS,
    },
  },
} as const satisfies Record<string, ThrottlePolicy>;

export type ThrottledOperation = keyof typeof THROTTLE_POLICIES;

/** Rows older than this count for no rule and may be deleted. */
export const LONGEST_THROTTLE_WINDOW_MS = Math.max(
  ...Object.values(THROTTLE_POLICIES).flatMap((policy: ThrottlePolicy) =>
    [policy.account, policy.address].map((rule) => rule?.windowMs ?? 0),
  ),
);
