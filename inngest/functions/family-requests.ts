import { z } from "zod";
import { getDb } from "@/lib/db";
import { generateFamilyRequests } from "@/lib/family/generate-family-requests";
import { renewFamilyChildren } from "@/lib/family/renew-family-children";
import { inngest } from "../client";

const dataSchema = z.object({ subscription_id: z.number().int().positive() });

/**
 * On `subscription.created`: a master subscription (its type has a family type) gets its requests, then the
 * children of the master it renews get theirs. Both steps are idempotent, so a replayed event changes nothing.
 */
export const familyRequestsGenerate = inngest.createFunction(
  { id: "family-requests-generate", retries: 5, triggers: [{ event: "subscription.created" }] },
  async ({ event, step }) => {
    const { subscription_id: subscriptionId } = dataSchema.parse(event.data);
    const created = await step.run("generate-requests", async () =>
      (await generateFamilyRequests(await getDb(), { subscriptionId })).map((request) => request.id),
    );
    const renewed = await step.run("renew-children", async () =>
      (await renewFamilyChildren(await getDb(), { subscriptionId })).map((request) => request.id),
    );
    return { created, renewed };
  },
);
