/**
 * The admin sidebar's remembered state: a cookie the layout reads on the server (so a collapsed sidebar renders
 * collapsed, with no flash) and the toggle writes in the browser. UI-safe.
 */
export const ADMIN_SIDEBAR_COOKIE = "admin_sidebar";

export type SidebarState = "expanded" | "collapsed";

export function sidebarStateOf(cookieValue: string | undefined): SidebarState {
  return cookieValue === "collapsed" ? "collapsed" : "expanded";
}

/** The Set-Cookie text for `document.cookie`: a year, the admin only. */
export function sidebarCookie(state: SidebarState): string {
  return `${ADMIN_SIDEBAR_COOKIE}=${state}; Path=/admin; Max-Age=31536000; SameSite=Lax`;
}
