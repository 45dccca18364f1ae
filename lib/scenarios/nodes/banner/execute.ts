import "server-only";
import { MINUTE_MS } from "@/lib/clock";
import { showBanner } from "@/lib/banners/show-banner";
import type { InstantNodeExecutor } from "../node-executor";

export const bannerExecutor: InstantNodeExecutor<"banner"> = {
  spansTime: false,
  async execute({ node, visit }) {
    const minutes = node.config.expiresAfterMinutes;
    const expiresAt = minutes === null ? null : new Date(visit.now.getTime() + minutes * MINUTE_MS);
    const result = await showBanner(visit.db, {
      bannerId: node.config.bannerId,
      userId: visit.userId,
      sourceKey: visit.idempotencyKey,
      expiresAt,
    });
    return {
      outcome: "out",
      facts: {
        banner_id: node.config.bannerId,
        expires_at: expiresAt?.toISOString() ?? null,
        shown_now: result.shown,
      },
    };
  },
  async simulate({ node }) {
    return {
      outcome: "out",
      facts: { banner_id: node.config.bannerId },
      note: `Would show banner #${node.config.bannerId}`,
    };
  },
};
