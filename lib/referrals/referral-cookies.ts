/** Cookies of the refer-a-friend module. UI- and edge-safe. */

/** The referral code of the link a visitor came through (`/r/<code>`), kept through registration. */
export const REFERRAL_COOKIE = "subflow_ref";
export const REFERRAL_COOKIE_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** A random id per browser, set by the proxy: the fraud guard compares a friend's with the referrer's (hashed). */
export const BROWSER_COOKIE = "subflow_bid";
export const BROWSER_COOKIE_MAX_AGE_SECONDS = 2 * 365 * 24 * 60 * 60;
export const BROWSER_ID_PATTERN = /^[0-9a-f-]{36}$/;
