"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { API_SCOPE_NAMES } from "@/lib/api-tokens/api-scopes";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { idField, stringList } from "@/lib/forms/form-fields";

export const createApiTokenAction = defineAction(
  {
    permission: "staff.manage",
    name: "api-tokens.create",
    schema: z.object({
      name: z.string().trim().min(1, { message: "Give the token a name." }).max(100),
      scopes: stringList.pipe(
        z.array(z.enum(API_SCOPE_NAMES)).min(1, { message: "Choose at least one scope." }),
      ),
    }),
    revalidate: ["/admin/api-tokens"],
  },
  async (input, { db, user }) => {
    const { token, record } = await createApiToken(db, { ...input, createdByUserId: user.id });
    // The plain token goes back to this one response and is never stored or shown again.
    return { ok: true, data: { token, name: record.name } };
  },
);

export const revokeApiTokenAction = defineAction(
  {
    permission: "staff.manage",
    name: "api-tokens.revoke",
    schema: z.object({ tokenId: idField }),
    revalidate: ["/admin/api-tokens"],
  },
  async ({ tokenId }, { db }) => {
    await revokeApiToken(db, { tokenId });
    return { ok: true, message: "Token revoked." };
  },
);
