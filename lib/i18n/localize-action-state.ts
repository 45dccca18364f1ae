import "server-only";
import { requestLocale } from "./request-locale";
import type { ActionState } from "@/lib/actions/action-state";
import { slovakServerMessage } from "./slovak-server-messages";

/**
 * A customer-facing action's answer in the page's language. Domain errors and zod messages are written in English
 * (the API returns them with their codes as they are); for a Slovak page they are looked up here by code, else by
 * their English text. A message without a translation stays English rather than disappearing.
 */
export async function localizeActionState<T>(state: ActionState<T>): Promise<ActionState<T>> {
  if (!state || (await requestLocale()) !== "sk") return state;
  if (state.ok) {
    return state.message ? { ...state, message: slovakServerMessage(state.message) } : state;
  }
  return {
    ...state,
    message: slovakServerMessage(state.message, state.error),
    fieldErrors: state.fieldErrors
      ? Object.fromEntries(
          Object.entries(state.fieldErrors).map(([field, messages]) => [
            field,
            messages?.map((message) => slovakServerMessage(message)),
          ]),
        )
      : undefined,
  };
}
