import { getDb } from "@/lib/db";
import { parseEventData } from "@/lib/events/parse-event-data";
import { generateFamilyRequests } from "@/lib/family/generate-family-requests";
import { renewFamilyChildren } from "@/lib/family/renew-family-children";
import { inngest } from "../client";

/**
 * On `subscription.created`: a master subscription (its type has a family type) gets its requests, then the
 * children of the master it renews get theirs. Both steps are idempotent, so a replayed event changes nothing.
 */
export const familyRequestsGenerate = inngest.createFunction(
  { id: "family-requests-generate", retries: 5, triggers: [{ event: "subscription.created" }] },
  async ({ event, step }) => {
    const { subscription_id: subscriptionId } = parseEventData("subscription.created", event.data);
    const created = await step.run("generate-requests", async () =>
      (await generateFamilyRequests(await getDb(), { subscriptionId })).map(
        (request) => request.id,
      ),
    );
    const renewed = await step.run("renew-children", async () =>
      (await renewFamilyChildren(await getDb(), { subscriptionId })).map((request) => request.id),
    );
    return { created, renewed };
  },
);
