/** Where a customer pays an unpaid payment on a card (the demo gateway's checkout page). UI-safe. */
export const checkoutPath = (paymentId: number) => `/checkout/${paymentId}`;
