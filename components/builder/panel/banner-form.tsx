"use client";

import { CREATE_ROUTES } from "./create-link";
import { DurationField } from "./duration-field";
import type { NodeFormProps } from "./form-props";
import { ReferenceSelect } from "./reference-select";

const WEEK = 7 * 1440;

/** Which banner to show and for how long. */
export function BannerForm({ config, options, issues, onChange }: NodeFormProps<"banner">) {
  return (
    <div className="space-y-3">
      <ReferenceSelect
        id="panel-banner-select"
        label="Banner"
        value={Number.isInteger(config.bannerId) ? String(config.bannerId) : ""}
        options={options.banners.map((b) => ({ value: String(b.id), label: b.name }))}
        placeholder="Choose a banner"
        empty="No banners yet."
        create={{ href: CREATE_ROUTES.banner, label: "New banner" }}
        issue={issues.at("bannerId")[0]}
        hint={Number.isInteger(config.bannerId) ? `Banner #${config.bannerId}` : null}
        onChange={(id) => onChange({ ...config, bannerId: Number(id) })}
      />
      <DurationField
        id="panel-banner-expiry"
        label="Shown for"
        minutes={config.expiresAfterMinutes}
        issue={issues.at("expiresAfterMinutes")[0]}
        none={{ label: "Never expires (until dismissed)", fallback: WEEK }}
        onChange={(expiresAfterMinutes) => onChange({ ...config, expiresAfterMinutes })}
      />
    </div>
  );
}
