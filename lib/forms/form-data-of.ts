/**
 * The FormData a server action expects, for client code that calls an action itself rather than through a form.
 * Null and undefined values are left out, as an empty form field would be.
 */
export function formDataOf(values: Record<string, string | number | null | undefined>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) {
    if (value !== null && value !== undefined) data.set(key, String(value));
  }
  return data;
}
