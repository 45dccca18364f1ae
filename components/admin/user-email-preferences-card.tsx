import "server-only";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { setUserEmailPreferencesAction } from "@/lib/actions/email/set-user-email-preferences";
import { getDb } from "@/lib/db";
import { loadEmailPreferences } from "@/lib/email/consent/email-preferences";
import { UserEmailPreferencesForm } from "./user-email-preferences-form";

const SOURCE_LABELS: Record<string, string> = {
  preferences: "preference centre",
  one_click: "one-click unsubscribe",
  account: "their profile",
  admin: "an admin",
  api: "the API",
};

/**
 * A user's email topics on the admin user page: subscribed or not, and whether by a choice (where, when) or the
 * topic's default. Staff who may change customers can change the marketing topics for the user (source `admin`).
 */
export async function UserEmailPreferencesCard({
  userId,
  canChange,
}: {
  userId: number;
  canChange: boolean;
}) {
  const preferences = await loadEmailPreferences(await getDb(), userId);
  return (
    <Card data-testid="user-email-preferences-card">
      <CardHeader title="Email topics" description="What marketing mail this user accepts." />
      <CardBody>
        <ul className="space-y-2.5 text-sm">
          {preferences.map((preference) => (
            <li
              key={preference.topicId}
              className="flex items-start justify-between gap-3"
              data-testid={`user-email-topic-${preference.code}`}
              data-subscribed={preference.subscribed ? "true" : "false"}
            >
              <span className="min-w-0">
                <span className="font-medium text-zinc-900">{preference.name}</span>
                <span className="block text-xs text-zinc-500">
                  {preference.transactional ? (
                    "Transactional: always sent"
                  ) : preference.source ? (
                    <>
                      Chosen via {SOURCE_LABELS[preference.source] ?? preference.source}
                      {preference.updatedAt ? (
                        <>
                          {" · "}
                          <Time value={preference.updatedAt} />
                        </>
                      ) : null}
                    </>
                  ) : (
                    "Topic default"
                  )}
                </span>
              </span>
              {preference.subscribed ? (
                <Badge tone="green">Subscribed</Badge>
              ) : (
                <Badge tone="gray">Unsubscribed</Badge>
              )}
            </li>
          ))}
        </ul>
        {canChange && preferences.some((preference) => preference.changeable) ? (
          <div className="mt-4 border-t border-zinc-100 pt-4">
            <UserEmailPreferencesForm
              action={setUserEmailPreferencesAction}
              userId={userId}
              topics={preferences
                .filter((preference) => preference.changeable)
                .map(({ code, name, subscribed }) => ({ code, name, subscribed }))}
            />
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}
