import { FilterBar, FilterField } from "@/components/admin/filter-bar";
import { Input, Select } from "@/components/ui/input";
import { familyRequestStatus, type FamilyRequestStatus } from "@/lib/db/schema";

export interface FamilyRequestFilterValues {
  status?: FamilyRequestStatus;
  master?: string;
  type?: number;
}

/** A GET form of the request list's filters (status, master email, child type); the page resets to 1. */
export function FamilyRequestFilters({
  values,
  types,
  clearHref,
}: {
  values: FamilyRequestFilterValues;
  types: { id: number; code: string; name: string }[];
  clearHref: string;
}) {
  const active = Boolean(values.status || values.master || values.type);
  return (
    <FilterBar
      clearHref={clearHref}
      active={active}
      testId="family-filters"
      applyTestId="family-filter-apply"
    >
      <FilterField label="Status" htmlFor="family-status">
        <Select
          id="family-status"
          name="status"
          defaultValue={values.status ?? ""}
          className="!w-40"
          data-testid="family-filter-status"
        >
          <option value="">Any status</option>
          {familyRequestStatus.enumValues.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </Select>
      </FilterField>
      <FilterField label="Master email" htmlFor="family-master">
        <Input
          id="family-master"
          name="master"
          type="search"
          defaultValue={values.master ?? ""}
          placeholder="part of an email"
          className="!w-56"
          data-testid="family-filter-master"
        />
      </FilterField>
      <FilterField label="Child type" htmlFor="family-type">
        <Select
          id="family-type"
          name="type"
          defaultValue={values.type ?? ""}
          className="!w-56"
          data-testid="family-filter-type"
        >
          <option value="">Any type</option>
          {types.map((type) => (
            <option key={type.id} value={type.id}>
              {type.name} ({type.code})
            </option>
          ))}
        </Select>
      </FilterField>
    </FilterBar>
  );
}
