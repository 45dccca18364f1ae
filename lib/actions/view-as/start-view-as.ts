"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { VIEW_AS_COOKIE, viewAsCookieOptions } from "@/lib/auth/view-as/view-as-cookie";
import { startViewAs } from "@/lib/auth/view-as/start-view-as";
import { now } from "@/lib/clock";
import { idField } from "@/lib/forms/form-fields";
import { clientAddressOf } from "@/lib/http/client-address";

/**
 * "View as customer" on an admin user page: staff who may read customers open that customer's account, read-only
 * (lib/auth/view-as). Audited as `users.view-as-start`.
 */
export const startViewAsAction = defineAction(
  {
    permission: "customers.read",
    name: "users.view-as-start",
    schema: z.object({ userId: idField }),
  },
  async ({ userId }, { db, user }) => {
    const requestHeaders = await headers();
    const { token, expiresAt } = await startViewAs(db, {
      staff: user,
      customerUserId: userId,
      clientAddress: clientAddressOf(requestHeaders),
    });
    const secure =
      requestHeaders.get("x-forwarded-proto") === "https" || isHttpsOrigin(requestHeaders);
    (await cookies()).set(
      VIEW_AS_COOKIE,
      token,
      viewAsCookieOptions(secure, Math.ceil((expiresAt.getTime() - now().getTime()) / 1000)),
    );
    redirect("/account");
  },
);

function isHttpsOrigin(requestHeaders: Headers): boolean {
  return (requestHeaders.get("origin") ?? "").startsWith("https:");
}
