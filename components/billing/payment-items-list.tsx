import type { Locale } from "@/lib/i18n/locales";
import { formatMoney } from "@/lib/money";

export function PaymentItemsList({
  items,
  locale = "en",
}: {
  items: { name: string; count: number; amountCents: number }[];
  locale?: Locale;
}) {
  if (items.length === 0) return <span className="text-zinc-400">—</span>;
  return (
    <ul className="space-y-0.5">
      {items.map((item, index) => (
        <li key={index} className="text-zinc-800">
          {item.count > 1 ? `${item.count} × ` : ""}
          {item.name}
          <span className="text-zinc-400"> · {formatMoney(item.amountCents, locale)}</span>
        </li>
      ))}
    </ul>
  );
}
