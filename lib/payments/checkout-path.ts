/** Where a customer pays an unpaid payment on a card (the demo gateway's checkout page). UI-safe. */
export const checkoutPath = (paymentId: number) => `/checkout/${paymentId}`;

/** The checkout form's choice "the card my renewals use" (a renewal paid again by the customer). UI-safe. */
export const SAVED_CARD_CHOICE = "saved_card";
