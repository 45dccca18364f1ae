"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { bannerInputSchema } from "@/lib/banners/schemas";
import { deleteBanner } from "@/lib/banners/delete-banner";
import { saveBanner } from "@/lib/banners/save-banner";
import { idField } from "@/lib/forms/form-fields";

// Form fields arrive as strings; the domain schema already turns blanks into null, so it validates the form as is.
const bannerFormSchema = bannerInputSchema.and(
  z.object({ id: z.preprocess((value) => (value === "" ? undefined : value), idField.optional()) }),
);

export const saveBannerAction = defineAction(
  {
    permission: "automation.write",
    name: "banners.save",
    schema: bannerFormSchema,
    revalidate: ["/admin/banners"],
  },
  async ({ id, ...input }, { db }) => {
    const banner = await saveBanner(db, { ...input, id });
    redirect(`/admin/banners?saved=${banner.id}`);
  },
);

export const deleteBannerAction = defineAction(
  {
    permission: "automation.write",
    name: "banners.delete",
    schema: z.object({ bannerId: idField }),
    revalidate: ["/admin/banners"],
  },
  async ({ bannerId }, { db }) => {
    await deleteBanner(db, { bannerId });
    redirect("/admin/banners?deleted=1");
  },
);
