/** "jane.doe@example.com" → "j•••e@example.com": enough for a friend to recognise, not a readable address. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "•••";
  const local = email.slice(0, at);
  const masked = local.length <= 2 ? `${local[0]}•••` : `${local[0]}•••${local[local.length - 1]}`;
  return `${masked}${email.slice(at)}`;
}
