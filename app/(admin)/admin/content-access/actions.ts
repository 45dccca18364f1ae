"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { codeTakenState } from "@/lib/actions/action-state";
import { defineAction } from "@/lib/actions/define-action";
import { idField, optionalText } from "@/lib/forms/form-fields";
import {
  createContentAccess,
  updateContentAccess,
} from "@/lib/subscriptions/create-content-access";
import { codeSchema } from "@/lib/subscriptions/schemas";

const nameField = z.string().trim().min(1, { message: "Give it a name." }).max(100);

export const createContentAccessAction = defineAction(
  {
    permission: "catalog.write",
    name: "content-access.create",
    schema: z.object({ code: codeSchema, name: nameField, description: optionalText(500) }),
    revalidate: ["/admin/content-access"],
  },
  async (input, { db }) => {
    try {
      const row = await createContentAccess(db, input);
      return { ok: true, message: `Content access “${row.code}” created.` };
    } catch (error) {
      const taken = codeTakenState(error, "content_access_exists");
      if (taken) return taken;
      throw error;
    }
  },
);

export const updateContentAccessAction = defineAction(
  {
    permission: "catalog.write",
    name: "content-access.update",
    schema: z.object({ id: idField, name: nameField, description: optionalText(500) }),
    revalidate: ["/admin/content-access"],
  },
  async (input, { db }) => {
    await updateContentAccess(db, {
      id: input.id,
      name: input.name,
      description: input.description ?? null,
    });
    redirect("/admin/content-access");
  },
);
