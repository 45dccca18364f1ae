import { FilterBar, FilterField } from "@/components/admin/filter-bar";
import { Checkbox, Input, Select } from "@/components/ui/input";
import { referralStatus, type ReferralStatus } from "@/lib/db/schema";

export interface ReferralFilterValues {
  status?: ReferralStatus;
  program?: number;
  flagged?: boolean;
  email?: string;
}

/** A GET form of the referral list's filters (status, program, flagged only, email); the page resets to 1. */
export function ReferralFilters({
  values,
  programs,
  clearHref,
}: {
  values: ReferralFilterValues;
  programs: { id: number; name: string }[];
  clearHref: string;
}) {
  const active = Boolean(values.status || values.program || values.flagged || values.email);
  return (
    <FilterBar
      clearHref={clearHref}
      active={active}
      testId="referral-filters"
      applyTestId="referral-filter-apply"
    >
      <FilterField label="Status" htmlFor="referral-status">
        <Select
          id="referral-status"
          name="status"
          defaultValue={values.status ?? ""}
          className="!w-40"
          data-testid="referral-filter-status"
        >
          <option value="">Any status</option>
          {referralStatus.enumValues.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </Select>
      </FilterField>
      <FilterField label="Program" htmlFor="referral-program">
        <Select
          id="referral-program"
          name="program"
          defaultValue={values.program ?? ""}
          className="!w-56"
          data-testid="referral-filter-program"
        >
          <option value="">Any program</option>
          {programs.map((program) => (
            <option key={program.id} value={program.id}>
              {program.name}
            </option>
          ))}
        </Select>
      </FilterField>
      <FilterField label="Email" htmlFor="referral-email">
        <Input
          id="referral-email"
          name="email"
          type="search"
          defaultValue={values.email ?? ""}
          placeholder="referrer or friend"
          className="!w-56"
          data-testid="referral-filter-email"
        />
      </FilterField>
      <Checkbox
        name="flagged"
        value="1"
        defaultChecked={values.flagged}
        label="Needs review"
        className="pb-2"
        data-testid="referral-filter-flagged"
      />
    </FilterBar>
  );
}
