import "server-only";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getDb } from "@/lib/db";
import { listUserEmailTimeline } from "@/lib/email/list-user-email-timeline";
import { listEmailSuppressions } from "@/lib/email/suppressions/list-email-suppressions";
import { UserEmailSuppressions } from "./user-email-suppressions";
import { UserEmailTimeline } from "./user-email-timeline";

const PAGE_SIZE = 20;

/**
 * The Email section of a user's admin page: the suppressions of their address (lift, add) and their email timeline.
 * It loads its own data, so the user page needs one line for it; `page` is the timeline's page (`?emailPage=`).
 */
export async function UserEmailCard({
  userId,
  address,
  canChange,
  page: rawPage,
}: {
  userId: number;
  address: string;
  /** automation.write: lift and add suppressions. */
  canChange: boolean;
  page?: string | string[];
}) {
  const parsed = Number(Array.isArray(rawPage) ? rawPage[0] : rawPage);
  const page = Number.isSafeInteger(parsed) && parsed >= 1 && parsed <= 10_000 ? parsed : 1;
  const db = await getDb();
  const [suppressions, timeline] = await Promise.all([
    listEmailSuppressions(db, { address }),
    listUserEmailTimeline(db, { userId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
  ]);
  return (
    <Card id="email" data-testid="user-email-card">
      <CardHeader
        title="Email"
        description={`${timeline.total} ${timeline.total === 1 ? "email" : "emails"} to this user`}
      />
      <CardBody>
        <UserEmailSuppressions address={address} rows={suppressions} canChange={canChange} />
      </CardBody>
      <UserEmailTimeline
        rows={timeline.rows}
        total={timeline.total}
        page={page}
        pageSize={PAGE_SIZE}
        hrefFor={(n) => `/admin/users/${userId}?emailPage=${n}#email`}
      />
    </Card>
  );
}
