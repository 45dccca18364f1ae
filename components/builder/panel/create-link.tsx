/** Where to create what a form chooses from; it opens in a new tab so the draft stays open. */
export const CREATE_ROUTES = {
  template: "/admin/email-templates/new",
  banner: "/admin/banners/new",
  segment: "/admin/segments/new",
  goal: "/admin/goals/new",
} as const;

const LINK =
  "rounded-sm text-xs font-medium text-brand-700 hover:underline " +
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500";

export function CreateLink({
  href,
  children,
  testId,
}: {
  href: string;
  children: string;
  testId?: string;
}) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" data-testid={testId} className={LINK}>
      {children} <span aria-hidden>↗</span>
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}
