import { EmailStatsFigures } from "@/components/email/email-stats-figures";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { EmailStats } from "@/lib/email/stats/email-stats";

/** What a template's emails did, from every sender: the last 30 days and all time. */
export function TemplateEmailStats({ recent, total }: { recent: EmailStats; total: EmailStats }) {
  return (
    <Card className="mb-6" data-testid="template-email-stats">
      <CardHeader
        title="Emails sent"
        description="From scenarios, functions and tests. Open and click rates are of the emails sent with tracking."
      />
      <CardBody className="space-y-4">
        <section>
          <h3 className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase">
            Last 30 days
          </h3>
          <EmailStatsFigures stats={recent} testId="template-email-stats-30d" />
        </section>
        <section>
          <h3 className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase">
            All time
          </h3>
          <EmailStatsFigures stats={total} testId="template-email-stats-all" />
        </section>
      </CardBody>
    </Card>
  );
}
