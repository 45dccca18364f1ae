import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { Time } from "@/components/ui/time";
import type { EmailEventType, EmailStatus } from "@/lib/db/schema";
import type { UserEmailTimelineEntry } from "@/lib/email/list-user-email-timeline";

const STATUS_TONES: Record<EmailStatus, BadgeTone> = {
  sent: "green",
  queued: "gray",
  failed: "red",
  skipped: "amber",
};

const SKIP_REASONS: Record<string, string> = {
  unsubscribed: "unsubscribed",
  suppressed: "address suppressed",
  frequency_cap: "frequency cap",
  quiet_hours: "quiet hours",
};

const EVENT_LABELS: Record<EmailEventType, string> = {
  delivered: "Delivered",
  deferred: "Deferred",
  bounced: "Bounced",
  complained: "Complaint",
  opened: "Opened",
  clicked: "Clicked",
  unsubscribed: "Unsubscribed",
};

const EVENT_TONES: Record<EmailEventType, BadgeTone> = {
  delivered: "green",
  deferred: "gray",
  bounced: "red",
  complained: "red",
  opened: "blue",
  clicked: "violet",
  unsubscribed: "amber",
};

/**
 * A user's emails, newest first — sent, failed and skipped with the reason — each with its template, topic, sent time
 * and the events that followed (delivered, opened, clicked, bounced, complained, unsubscribed), one page at a time.
 */
export function UserEmailTimeline({
  rows,
  total,
  page,
  pageSize,
  hrefFor,
}: {
  rows: UserEmailTimelineEntry[];
  total: number;
  page: number;
  pageSize: number;
  hrefFor: (page: number) => string;
}) {
  return (
    <section data-testid="user-email-timeline">
      <h3 className="px-5 pt-4 pb-2 text-sm font-medium text-zinc-900">Timeline</h3>
      {rows.length === 0 ? (
        <p className="px-5 pb-4 text-sm text-zinc-500" data-testid="user-email-timeline-empty">
          No email has been sent to this user.
        </p>
      ) : (
        <ol className="divide-y divide-zinc-100 border-t border-zinc-100">
          {rows.map((email) => (
            <li
              key={email.id}
              className="space-y-1.5 px-5 py-3"
              data-testid={`user-email-${email.id}`}
            >
              <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
                <Link
                  href={`/admin/emails/${email.id}`}
                  className="min-w-0 text-sm font-medium break-words text-zinc-900 hover:underline"
                >
                  {email.subject}
                </Link>
                <span className="text-xs whitespace-nowrap text-zinc-500">
                  <Time value={email.sentAt ?? email.createdAt} />
                </span>
              </div>
              <div className="flex flex-wrap items-center gap-1.5 text-xs text-zinc-500">
                <Badge tone={STATUS_TONES[email.status]} data-testid="user-email-status">
                  {email.status === "skipped" && email.skipReason
                    ? `skipped: ${SKIP_REASONS[email.skipReason] ?? email.skipReason}`
                    : email.status}
                </Badge>
                <span>{email.templateCode ?? "no template"}</span>
                <span aria-hidden>·</span>
                <span>
                  {email.topicName ?? "no topic"}
                  {email.marketing ? "" : " (transactional)"}
                </span>
                {email.scenarioId ? (
                  <>
                    <span aria-hidden>·</span>
                    <Link href={`/admin/scenarios/${email.scenarioId}`} className="hover:underline">
                      scenario {email.scenarioId}
                    </Link>
                  </>
                ) : null}
              </div>
              {email.status === "failed" && email.error ? (
                <p className="text-xs break-words text-red-600">{email.error}</p>
              ) : null}
              {email.events.length > 0 ? (
                <ul className="flex flex-wrap gap-1.5" data-testid="user-email-events">
                  {email.events.map((event) => (
                    <li key={event.id} title={event.detail ?? undefined}>
                      <Badge tone={EVENT_TONES[event.type]} className="gap-1">
                        {EVENT_LABELS[event.type]}
                        {event.bounceType ? ` (${event.bounceType})` : ""}{" "}
                        <span className="font-normal opacity-75">
                          <Time value={event.occurredAt} />
                        </span>
                      </Badge>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {total > pageSize ? (
        <Pagination page={page} pageSize={pageSize} total={total} hrefFor={hrefFor} />
      ) : null}
    </section>
  );
}
