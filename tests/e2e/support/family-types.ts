import type { AdminApi } from "./admin-api";

export const FAMILY_MASTER_TYPE = "family_web_yearly";
const FAMILY_CHILD_TYPE = "web_yearly";

/** The demo seed creates the family type; on a database without it, create it (the same settings). */
export async function ensureFamilyType(api: AdminApi): Promise<void> {
  const { types } = await api.get<{ types: { master_subscription_type_code: string }[] }>(
    "/family/types",
  );
  if (types.some((type) => type.master_subscription_type_code === FAMILY_MASTER_TYPE)) return;
  await api.post("/family/types", {
    master_subscription_type_code: FAMILY_MASTER_TYPE,
    slave_subscription_type_code: FAMILY_CHILD_TYPE,
    donation_method: "copy",
    count: 3,
  });
}
