import { Select } from "@/components/ui/input";
import { CreateLink } from "./create-link";

/**
 * A choice from a real list (templates, segments, banners) with a link to create one. An empty list says so instead
 * of showing an empty select; a stored value the list no longer has stays visible, marked as not found.
 */
export function ReferenceSelect({
  id,
  label,
  value,
  options,
  onChange,
  placeholder,
  empty,
  create,
  issue,
  hint,
}: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  placeholder: string;
  /** "No templates yet." */
  empty: string;
  create: { href: string; label: string };
  issue?: string | null;
  hint?: string | null;
}) {
  const missing = value !== "" && !options.some((o) => o.value === value);
  const message = issue ?? (missing ? "Not found: choose another or create it." : null);
  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium text-zinc-800">
          {label}
        </label>
        <CreateLink href={create.href} testId={`${id}-create`}>
          {create.label}
        </CreateLink>
      </div>
      {options.length === 0 ? (
        <p
          className="rounded-md border border-dashed border-zinc-300 px-3 py-2 text-sm text-zinc-500"
          data-testid={`${id}-empty`}
        >
          {empty}
          {value !== "" ? <span className="block text-xs">Chosen now: {value}</span> : null}
        </p>
      ) : (
        <Select
          id={id}
          data-testid={id}
          value={value}
          invalid={message !== null}
          aria-describedby={message ? `${id}-message` : hint ? `${id}-hint` : undefined}
          onChange={(event) => onChange(event.target.value)}
        >
          {value === "" ? (
            <option value="" disabled>
              {placeholder}
            </option>
          ) : null}
          {missing ? <option value={value}>{value} (not found)</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      )}
      {message ? (
        <p id={`${id}-message`} className="text-xs text-red-600" data-testid={`error-${id}`}>
          {message}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-zinc-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
