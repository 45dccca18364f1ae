import { POST as loginRoute } from "@/app/api/v1/users/login/route";
import { call, type ApiResult } from "../../support/call-route";

/** Shared by the throttling tests: a client address each test has to itself, and sign-in through the API from one. */

let addressCounter = 0;

/** A documentation-range IPv6 address no other test in the file uses. */
export function freshAddress(): string {
  addressCounter++;
  return `2001:db8::${addressCounter.toString(16)}`;
}

/** POST /api/v1/users/login from `address` (sent as X-Forwarded-For, as a host's proxy does). */
export function apiLogin(email: string, password: string, address: string): Promise<ApiResult> {
  return call(loginRoute, "POST", "/users/login", {
    body: { email, password },
    headers: { "x-forwarded-for": address },
  });
}
