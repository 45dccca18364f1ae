import { expect, type APIResponse, type Page } from "@playwright/test";

/**
 * A form as the server renders it for the session of `page` (its server action's hidden inputs included): the fields
 * a browser without JavaScript posts when its submit button, `submitTestId`, is pressed.
 */
export async function serverFormFields(
  page: Page,
  path: string,
  submitTestId: string,
): Promise<Record<string, string>> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  const html = await response.text();
  return page.evaluate(
    ({ html, submitTestId }) => {
      const document = new DOMParser().parseFromString(html, "text/html");
      const form = document.querySelector(`[data-testid="${submitTestId}"]`)?.closest("form");
      if (!form) throw new Error(`No form with the button ${submitTestId} on the page.`);
      return Object.fromEntries(
        [...form.querySelectorAll("input")]
          .filter((input) => input.name !== "")
          .map((input) => [input.name, input.value]),
      );
    },
    { html, submitTestId },
  );
}

/** Post form fields to `path` in the session of `page`, as that form's submission would (multipart, same origin). */
export async function postServerForm(
  page: Page,
  path: string,
  fields: Record<string, string>,
): Promise<APIResponse> {
  const origin = new URL(page.url()).origin;
  const response = await page.request.post(path, { multipart: fields, headers: { origin } });
  expect(response.status(), `${path}: ${response.status()}`).toBeLessThan(400);
  return response;
}
