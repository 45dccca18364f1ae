"use client";

import { useState } from "react";
import { BannerView } from "@/components/customer/banner-view";
import { FormField } from "@/components/ui/form-field";
import { fieldError, FormMessage } from "@/components/ui/form-message";
import { Input, Select, Textarea } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { BANNER_STYLES, type BannerContent } from "@/lib/banners/schemas";

export interface BannerFormValues extends BannerContent {
  id?: number;
  name: string;
}

const EMPTY: BannerFormValues = {
  name: "",
  title: "",
  text: "",
  linkUrl: null,
  linkText: null,
  style: "info",
};

/** Create or edit a banner, with a live preview rendered by the same component as the customer's banner slot. */
export function BannerForm({
  action,
  initial,
}: {
  action: FormAction;
  initial?: BannerFormValues;
}) {
  const { state, pending, formProps } = useFormAction(action, { resetOnSuccess: false });
  const [content, setContent] = useState<BannerContent>(initial ?? EMPTY);
  const error = (name: string) => fieldError(state, name);
  const set = <K extends keyof BannerContent>(key: K, value: BannerContent[K]) =>
    setContent((c) => ({ ...c, [key]: value }));

  return (
    <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <form {...formProps} className="space-y-5" data-testid="banner-form">
        {initial?.id ? <input type="hidden" name="id" value={initial.id} /> : null}
        {state && !state.ok && state.error === "validation_error" ? null : (
          <FormMessage state={state} />
        )}
        <FormField
          label="Name"
          htmlFor="banner-name"
          hint="For admins only. Empty: the title."
          error={error("name")}
        >
          <Input
            id="banner-name"
            name="name"
            defaultValue={initial?.name}
            data-testid="banner-name"
          />
        </FormField>
        <FormField
          label="Title"
          htmlFor="banner-title"
          hint="Up to 120 characters."
          error={error("title")}
        >
          <Input
            id="banner-title"
            name="title"
            maxLength={120}
            value={content.title}
            onChange={(e) => set("title", e.target.value)}
            invalid={!!error("title")}
            data-testid="banner-title"
          />
        </FormField>
        <FormField
          label="Text"
          htmlFor="banner-text"
          hint="Up to 1000 characters."
          error={error("text")}
        >
          <Textarea
            id="banner-text"
            name="text"
            rows={3}
            maxLength={1000}
            value={content.text}
            onChange={(e) => set("text", e.target.value)}
            invalid={!!error("text")}
            data-testid="banner-text"
          />
        </FormField>
        <div className="grid grid-cols-2 gap-4">
          <FormField
            label="Link URL"
            htmlFor="banner-link-url"
            hint="https://… or a path like /account/upgrade"
            error={error("linkUrl")}
          >
            <Input
              id="banner-link-url"
              name="linkUrl"
              value={content.linkUrl ?? ""}
              onChange={(e) => set("linkUrl", e.target.value || null)}
              invalid={!!error("linkUrl")}
              data-testid="banner-link-url"
            />
          </FormField>
          <FormField
            label="Link text"
            htmlFor="banner-link-text"
            hint="Empty: “Learn more”."
            error={error("linkText")}
          >
            <Input
              id="banner-link-text"
              name="linkText"
              maxLength={60}
              value={content.linkText ?? ""}
              onChange={(e) => set("linkText", e.target.value || null)}
              invalid={!!error("linkText")}
              data-testid="banner-link-text"
            />
          </FormField>
        </div>
        <FormField label="Style" htmlFor="banner-style" error={error("style")}>
          <Select
            id="banner-style"
            name="style"
            value={content.style}
            onChange={(e) =>
              set("style", BANNER_STYLES.find((s) => s === e.target.value) ?? "info")
            }
            data-testid="banner-style"
          >
            {BANNER_STYLES.map((style) => (
              <option key={style} value={style}>
                {style}
              </option>
            ))}
          </Select>
        </FormField>
        {state && !state.ok && state.error === "validation_error" ? (
          <p className="text-sm text-red-600" role="alert">
            Check the highlighted fields.
          </p>
        ) : null}
        <div className="flex justify-end border-t border-zinc-100 pt-4">
          <SubmitButton pending={pending} pendingLabel="Saving…" data-testid="banner-submit">
            {initial?.id ? "Save changes" : "Create banner"}
          </SubmitButton>
        </div>
      </form>
      <div className="space-y-2" data-testid="banner-preview">
        <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase">Preview</p>
        <BannerView
          banner={{ ...content, title: content.title || "Banner title", text: content.text }}
          testId="banner-preview-view"
          actions={<span className="text-xs opacity-60">Dismiss</span>}
        />
        <p className="text-xs text-zinc-500">
          As customers see it in their account, until they dismiss it or it expires.
        </p>
      </div>
    </div>
  );
}
