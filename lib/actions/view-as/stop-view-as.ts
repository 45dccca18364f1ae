"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { currentViewAs } from "@/lib/auth/view-as/current-view-as";
import { stopViewAs } from "@/lib/auth/view-as/stop-view-as";
import { VIEW_AS_COOKIE, VIEW_AS_COOKIE_PATH } from "@/lib/auth/view-as/view-as-cookie";
import { clientAddressOf } from "@/lib/http/client-address";

/**
 * The "Stop" of the view-as banner: ends the view (audited as `users.view-as-stop`) and returns to the customer's
 * admin page. Any staff member may stop: a stale cookie is dropped even when their role changed meanwhile.
 */
export const stopViewAsAction = defineAction(
  { permission: "dashboard.read", name: "users.view-as-stop", schema: z.object({}) },
  async (_input, { db, user }) => {
    const view = await currentViewAs(user);
    if (view) await stopViewAs(db, { view, clientAddress: clientAddressOf(await headers()) });
    (await cookies()).delete({ name: VIEW_AS_COOKIE, path: VIEW_AS_COOKIE_PATH });
    redirect(view ? `/admin/users/${view.customer.id}` : "/admin/users");
  },
);
