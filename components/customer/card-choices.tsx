export interface CardChoice {
  token: string;
  label: string;
  description: string;
}

/** Radio buttons for the card to use (test cards, the saved card, "another card"), the first one chosen. */
export function CardChoices({
  legend,
  cards,
  testIdPrefix,
}: {
  legend: string;
  cards: CardChoice[];
  testIdPrefix: string;
}) {
  return (
    <fieldset className="space-y-2">
      <legend className="mb-2 text-sm font-medium text-zinc-900">{legend}</legend>
      {cards.map((card, index) => (
        <label
          key={card.token}
          className="flex cursor-pointer items-start gap-3 rounded-md border border-zinc-200 px-3 py-2.5 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
        >
          <input
            type="radio"
            name="cardToken"
            value={card.token}
            defaultChecked={index === 0}
            className="mt-0.5 accent-brand-600"
            data-testid={`${testIdPrefix}${card.token}`}
          />
          <span>
            <span className="block font-medium text-zinc-900">{card.label}</span>
            <span className="block text-zinc-500">{card.description}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
