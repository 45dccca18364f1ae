import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows-of";

/**
 * A renewal charged by a recurrent payment carries one item of the master type; the counts of a dynamic or
 * customizable family are on the payment that started the chain. Follow recurrent payments back to it.
 */
export async function originalPaymentId(tx: Db, paymentId: number): Promise<number> {
  const result = await tx.execute(sql`
    with recursive chain(id, recurrent_payment_id, depth) as (
      select p.id, p.recurrent_payment_id, 0 from payments p where p.id = ${paymentId}
      union all
      select parent.id, parent.recurrent_payment_id, chain.depth + 1
      from chain
      join recurrent_payments rp on rp.id = chain.recurrent_payment_id
      join payments parent on parent.id = rp.parent_payment_id
      where chain.depth < 1000
    )
    select id from chain order by depth desc limit 1`);
  const [first] = rowsOf<{ id: number }>(result);
  return first ? Number(first.id) : paymentId;
}
