import { apiRoute, NextResponse } from "@/lib/api/api-route";
import { loadSubscriptionTypes } from "@/lib/subscriptions/load-subscription-types";
import { saveSubscriptionType } from "@/lib/subscriptions/save-subscription-type";
import {
  createSubscriptionTypeBodySchema,
  listSubscriptionTypesQuerySchema,
} from "@/lib/api/operations/subscriptions";

export const POST = apiRoute(
  { auth: { token: "api", scope: "subscriptions:write" }, body: createSubscriptionTypeBodySchema },
  async ({ db, body }) => {
    const type = await saveSubscriptionType(db, {
      code: body.code,
      name: body.name,
      lengthDays: body.length_days,
      priceCents: body.price_cents,
      contentAccessCodes: body.content_access,
      active: body.active,
      isDefault: body.is_default,
      nextSubscriptionTypeCode: body.next_subscription_type_code,
      fixedEnd: body.fixed_end,
      offered: body.offered,
      position: body.position,
      description: body.description,
      highlighted: body.highlighted,
    });
    const [view] = await loadSubscriptionTypes(db, { ids: [type.id] });
    return NextResponse.json({ subscription_type: view }, { status: 201 });
  },
);

export const GET = apiRoute(
  { auth: { token: "api", scope: "subscriptions:read" }, query: listSubscriptionTypesQuerySchema },
  async ({ db, query }) => {
    const types = await loadSubscriptionTypes(db, { active: query.active });
    return NextResponse.json({ subscription_types: types });
  },
);
