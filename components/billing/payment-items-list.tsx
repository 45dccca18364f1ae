import { formatMoney } from "@/lib/money";

export function PaymentItemsList({
  items,
}: {
  items: { name: string; count: number; amountCents: number }[];
}) {
  if (items.length === 0) return <span className="text-zinc-400">—</span>;
  return (
    <ul className="space-y-0.5">
      {items.map((item, index) => (
        <li key={index} className="text-zinc-800">
          {item.count > 1 ? `${item.count} × ` : ""}
          {item.name}
          <span className="text-zinc-400"> · {formatMoney(item.amountCents)}</span>
        </li>
      ))}
    </ul>
  );
}
