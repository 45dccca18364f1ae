/**
 * The view-as cookie: HttpOnly, SameSite=Strict, and sent only to the customer zone (`/account`), so it changes
 * nothing anywhere else — the admin keeps working as the staff member in another tab. UI-safe constants.
 */
export const VIEW_AS_COOKIE = "subflow_view_as";
export const VIEW_AS_COOKIE_PATH = "/account";
/** How long one view lasts: short, since it shows a customer's data to someone at a desk. */
export const VIEW_AS_TTL_MINUTES = 30;

export function viewAsCookieOptions(secure: boolean, maxAgeSeconds: number) {
  return {
    httpOnly: true,
    secure,
    sameSite: "strict" as const,
    path: VIEW_AS_COOKIE_PATH,
    maxAge: maxAgeSeconds,
  };
}
