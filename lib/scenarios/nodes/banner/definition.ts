import { z } from "zod";
import { minutesSchema } from "../config-fields";
import { defineNode } from "../define-node";
import { formatMinutes } from "../format-minutes";
import { actionLine, text } from "../visit-lines";

/** Shows a banner in the customer zone. */
export const bannerNode = defineNode({
  type: "banner",
  configSchema: z.strictObject({
    bannerId: z.number().int().positive(),
    expiresAfterMinutes: minutesSchema.nullable(),
  }),
  group: "action",
  label: "Banner",
  description: "Shows a banner in the customer zone until dismissed or expired.",
  icon: "▤",
  defaultConfig: { bannerId: 1, expiresAfterMinutes: 7 * 1440 },
  ports: () => ["out"],
  summary: (c) =>
    `Banner #${c.bannerId}${c.expiresAfterMinutes ? ` for ${formatMinutes(c.expiresAfterMinutes)}` : ""}`,
  spansTime: false,
  check(config, { references, report }) {
    if (!references.banners.has(config.bannerId))
      report("banner_not_found", `There is no banner #${config.bannerId}.`);
  },
  describeVisit: (visit) =>
    actionLine(
      `banner #${text(visit.facts.banner_id) ?? text(visit.config.bannerId) ?? "?"}`,
      visit,
      {
        done: visit.facts.shown_now === false ? "already shown" : "shown",
        planned: "would be shown",
      },
    ),
});
