import "server-only";
import {
  createTranslator,
  type Messages,
  type NamespaceKeys,
  type NestedKeyOf,
} from "use-intl/core";
import en from "@/messages/en.json";
import sk from "@/messages/sk.json";
import { requestLocale } from "./request-locale";

const MESSAGES: Record<"en" | "sk", Messages> = { en, sk };

/**
 * The translations of one namespace for a server action's answer, in the asking user's language. next-intl's
 * getTranslations needs the React server render; an action also runs where there is none (tests call actions
 * directly), so this builds the translator from the same messages and the same locale rule (requestLocale).
 */
export async function getActionTranslations<
  Namespace extends NamespaceKeys<Messages, NestedKeyOf<Messages>>,
>(namespace: Namespace) {
  const locale = await requestLocale();
  return {
    locale,
    t: createTranslator({ locale, messages: MESSAGES[locale], namespace }),
  };
}
