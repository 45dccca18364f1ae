import { LinkButton } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";

const TITLES = {
  unknown: "This link is not valid",
  used: "This link was already used",
  expired: "This link has expired",
} as const;

/** What an emailed link's page shows when its token is unknown, spent or expired: why, and where to ask again. */
export function ActionLinkProblem({
  status,
  title = TITLES[status],
  explanation,
  againHref,
  againLabel,
}: {
  status: keyof typeof TITLES;
  /** The page's own words for the problem (translated); the English title by default. */
  title?: string;
  explanation: string;
  againHref: string;
  againLabel: string;
}) {
  return (
    <Card data-testid="link-problem" data-status={status}>
      <CardBody className="px-6 py-6">
        <h1 className="text-lg font-semibold text-zinc-900">{title}</h1>
        <p className="mt-1 mb-5 text-sm text-zinc-500">{explanation}</p>
        <LinkButton href={againHref} data-testid="link-problem-again">
          {againLabel}
        </LinkButton>
      </CardBody>
    </Card>
  );
}
