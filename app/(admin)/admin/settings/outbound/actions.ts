"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { outboundAllowedHostsSchema } from "@/lib/http/outbound-allowed-hosts";
import { setSetting } from "@/lib/settings";

/** The form sends the hosts one per line; blank lines and repeats drop out. */
const allowedHostsFormSchema = z.object({
  allowed_hosts: z
    .string()
    .transform((text) =>
      text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== ""),
    )
    .pipe(outboundAllowedHostsSchema)
    .transform((hosts) => [...new Set(hosts)]),
});

export const saveOutboundHostsAction = defineAction(
  {
    permission: "catalog.write",
    name: "settings.outbound-hosts",
    schema: allowedHostsFormSchema,
    revalidate: ["/admin/settings/outbound"],
  },
  async ({ allowed_hosts }, { db }) => {
    await setSetting(db, "outbound.allowed_hosts", allowed_hosts);
    return {
      ok: true,
      message:
        allowed_hosts.length === 0
          ? "Saved. Outgoing requests go only to public addresses."
          : `Saved. Outgoing requests may also reach ${allowed_hosts.length === 1 ? "this host" : `these ${allowed_hosts.length} hosts`}.`,
    };
  },
);
