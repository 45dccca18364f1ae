import { PASSWORD_MIN_LENGTH_CHARS } from "@/lib/users/password-policy";

/**
 * The Slovak of the English messages customers can meet in the translated zones' forms: zod messages (keyed by their
 * English text) and domain errors (keyed by their code when the English text carries values). UI-safe.
 */
const BY_TEXT: Record<string, string> = {
  "Check the highlighted fields.": "Skontrolujte označené polia.",
  "Invalid input.": "Neplatný údaj.",
  "Sign in first.": "Najprv sa prihláste.",
  "Enter a valid email address.": "Zadajte platnú e-mailovú adresu.",
  [`Use at least ${PASSWORD_MIN_LENGTH_CHARS} characters.`]: `Použite aspoň ${PASSWORD_MIN_LENGTH_CHARS} znakov.`,
  "Tell us your name.": "Napíšte nám svoje meno.",
  "Use at most 200 characters.": "Použite najviac 200 znakov.",
  "Use at most 20 characters.": "Použite najviac 20 znakov.",
  "Choose a country (ISO code such as DE or US).":
    "Vyberte krajinu (kód ISO, napríklad SK alebo CZ).",
  "Enter your current password.": "Zadajte svoje súčasné heslo.",
  "This link is not valid.": "Tento odkaz nie je platný.",
  "Mail about your account (receipts, password resets) cannot be unsubscribed.":
    "Správy o vašom účte (potvrdenia platieb, obnovenie hesla) sa odhlásiť nedajú.",
  "This email already has an account.": "Pre tento e-mail už účet existuje.",
  "The card was declined (insufficient funds).": "Karta bola zamietnutá (nedostatok prostriedkov).",
  "Enter a discount code.": "Zadajte zľavový kód.",
  "There is no such discount code on your account.": "Vo vašom účte taký zľavový kód nie je.",
  "This discount code has already been used.": "Tento zľavový kód už bol použitý.",
  "This discount code has expired.": "Platnosť tohto zľavového kódu vypršala.",
  "No discount code is applied to this payment.":
    "Na túto platbu nie je uplatnený žiadny zľavový kód.",
  "This form was already sent with other choices. Reload the page to start again.":
    "Tento formulár už bol odoslaný s inými voľbami. Obnovte stránku a začnite znova.",
  "Your current password is not right.": "Vaše súčasné heslo nie je správne.",
  "This is already your email address.": "Toto už je vaša e-mailová adresa.",
  "Another account already uses this email address.": "Túto e-mailovú adresu už používa iný účet.",
  "Released. A new code replaces it.": "Uvoľnené. Nahrádza ho nový kód.",
  "Released.": "Uvoľnené.",
  "Revoked. A new code replaces it.": "Odvolané. Nahrádza ho nový kód.",
  "You left the family. Your family subscription has ended.":
    "Odišli ste z rodiny. Vaše rodinné predplatné skončilo.",
  "Enter a number of seats.": "Zadajte počet miest.",
  "Enter a whole number of seats.": "Zadajte celý počet miest.",
  "Add at least 1 seat.": "Pridajte aspoň 1 miesto.",
  "No family code like that exists.": "Taký rodinný kód neexistuje.",
  "No such family code.": "Taký rodinný kód neexistuje.",
  "Only a code nobody has used yet can be sent.":
    "Poslať sa dá len kód, ktorý ešte nikto nepoužil.",
  "Send the code to someone else: it is for your family and friends.":
    "Pošlite kód niekomu inému: je pre vašu rodinu a priateľov.",
  "The code changed while it was activated.": "Kód sa počas aktivácie zmenil.",
  "The email could not be sent just now. Try again in a moment.":
    "E-mail sa teraz nepodarilo odoslať. Skúste to o chvíľu znova.",
  "This code has expired with its family subscription; there is nothing to revoke.":
    "Platnosť kódu vypršala spolu s rodinným predplatným; nie je čo odvolať.",
  "This code has expired: its fixed end date has passed.":
    "Platnosť kódu vypršala: jeho pevný dátum konca uplynul.",
  "This code has expired: the family subscription has ended.":
    "Platnosť kódu vypršala: rodinné predplatné skončilo.",
  "This code has expired: the family subscription it comes from has ended.":
    "Platnosť kódu vypršala: rodinné predplatné, z ktorého pochádza, skončilo.",
  "You already have a subscription from this family.": "Z tejto rodiny už predplatné máte.",
  "You cannot use a code from your own family subscription.":
    "Kód z vlastného rodinného predplatného použiť nemôžete.",
  "You have no family subscription from this code.": "Z tohto kódu nemáte rodinné predplatné.",
  "You have sent many invitations in the last hour. Try again later.":
    "Za poslednú hodinu ste poslali veľa pozvánok. Skúste to neskôr.",
  "Keep the name under 200 characters.": "Meno môže mať najviac 200 znakov.",
  "This special-offer link is not valid. Check the link, or see the upgrades open to everyone.":
    "Tento odkaz na špeciálnu ponuku nie je platný. Skontrolujte ho alebo si pozrite vylepšenia otvorené pre všetkých.",
  "This link asks for a content access that does not exist. See all upgrades instead.":
    "Tento odkaz žiada prístup k obsahu, ktorý neexistuje. Pozrite si radšej všetky vylepšenia.",
  "If an account exists for this address, we sent it a link to choose a new password. The link works for one hour.":
    "Ak pre túto adresu existuje účet, poslali sme naň odkaz na nastavenie nového hesla. Odkaz platí jednu hodinu.",
};

const BY_CODE: Record<string, string> = {
  user_exists: "Účet s týmto e-mailom už existuje.",
  wrong_password: "Vaše súčasné heslo nie je správne.",
  link_invalid: "Tento odkaz nie je platný. Požiadajte o nový.",
  email_topic_not_found: "Taká téma e-mailov neexistuje. Obnovte stránku.",
  link_used: "Tento odkaz už bol použitý. Požiadajte o nový.",
  link_expired: "Platnosť tohto odkazu vypršala. Požiadajte o nový.",
  email_taken: "Túto e-mailovú adresu už používa iný účet.",
  email_unchanged: "Toto už je vaša e-mailová adresa.",
  unauthenticated: "Najprv sa prihláste.",
  read_only_view:
    "Tento účet si prezeráte ako zamestnanec, len na čítanie: nič tu nemožno zmeniť. Ak chcete konať za seba, prestaňte ho prezerať.",
  upgrade_offer_changed:
    "Cena tohto vylepšenia sa odvtedy, čo sme vám ju ukázali, zmenila; pozrite si novú ponuku.",
  upgrade_not_available: "Toto vylepšenie teraz nie je k dispozícii.",
  referral_self: "Sami seba odporučiť nemôžete.",
  referral_user_exists: "Tento človek už má účet.",
  referral_rate_limited: "Za hodinu ste poslali príliš veľa pozvánok; skúste to neskôr.",
  referral_program_missing: "Odporúčania sú momentálne uzavreté.",
  referral_already_referred: "Tohto človeka už niekto pozval.",
  upgrade_in_progress: "Jedno vaše vylepšenie sa práve platí; počkajte, kým sa platba potvrdí.",
  referral_discount_used:
    "Zľava z odporúčania platila na vašu prvú platbu, ktorú ste už uhradili; začnite tento nákup znova za plnú cenu.",
};

const WAIT_PATTERN = /Try again in (\d+) (second|minute|hour)s?\.$/;

const WAIT_UNITS: Record<string, [string, string, string]> = {
  second: ["sekundu", "sekundy", "sekúnd"],
  minute: ["minútu", "minúty", "minút"],
  hour: ["hodinu", "hodiny", "hodín"],
};

/** Slovak plural: 1 / 2–4 / 5 and more ("1 minútu", "2 minúty", "5 minút"). */
export function slovakPlural(count: number, [one, few, many]: [string, string, string]): string {
  if (count === 1) return `${count} ${one}`;
  if (count >= 2 && count <= 4) return `${count} ${few}`;
  return `${count} ${many}`;
}

/** The Slovak of an English server message (by its code first, then its text); the English when none is known. */
export function slovakServerMessage(message: string, code?: string): string {
  if (code === "too_many_attempts") {
    const wait = WAIT_PATTERN.exec(message);
    const unit = wait ? WAIT_UNITS[wait[2] ?? ""] : undefined;
    if (wait && unit) {
      return `Príliš veľa pokusov. Skúste to znova o ${slovakPlural(Number(wait[1]), unit)}.`;
    }
  }
  if (code && BY_CODE[code]) return BY_CODE[code];
  return BY_TEXT[message] ?? message;
}
