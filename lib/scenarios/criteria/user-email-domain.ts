import "server-only";
import { z } from "zod";
import { defineCriterion, EQUALITY, equality } from "./define-criterion";

export default defineCriterion({
  kind: "user",
  key: "email_domain",
  label: "Email domain",
  operators: EQUALITY,
  valueInput: "text",
  value: z
    .string()
    .trim()
    .min(1, { message: "Enter a domain." })
    .max(253)
    .transform((d) => d.toLowerCase().replace(/^@/, "")),
  requires: null,
  async evaluate(context, operator, domain) {
    const email = (await context.user()).email;
    const actual = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
    return { holds: equality(operator, actual === domain), actual };
  },
});
