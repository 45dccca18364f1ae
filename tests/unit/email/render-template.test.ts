import { describe, expect, it } from "vitest";
import { renderEmailTemplate } from "@/lib/email/render-template";
import {
  findUnknownVariables,
  listTemplateVariables,
  templateSyntaxError,
} from "@/lib/email/template-variables";

const context = {
  user: { id: 7, email: "ann@example.com", name: `Ann <b>"O'Brien"</b> & co` },
  subscription: {
    type_name: "Web monthly",
    start_at: "1 Jan 2026, 00:00 UTC",
    end_at: "1 Feb 2026, 00:00 UTC",
  },
  app: { name: "Subflow", url: "http://localhost:3000" },
};

describe("renderEmailTemplate", () => {
  it("escapes values in the HTML body only", () => {
    const rendered = renderEmailTemplate(
      {
        subject: "Hi {{user.name}}",
        bodyHtml: "<p>Hi {{user.name}}</p>",
        bodyText: "Hi {{user.name}}",
      },
      context,
    );
    expect(rendered.html).toBe(
      "<p>Hi Ann &lt;b&gt;&quot;O&#x27;Brien&quot;&lt;/b&gt; &amp; co</p>",
    );
    expect(rendered.subject).toBe(`Hi Ann <b>"O'Brien"</b> & co`);
    expect(rendered.text).toBe(`Hi Ann <b>"O'Brien"</b> & co`);
  });

  it("reads nested paths and renders missing variables empty, listing them", () => {
    const rendered = renderEmailTemplate(
      {
        subject: "Ends {{subscription.end_at}}",
        bodyHtml: '<a href="{{app.url}}/account">{{app.name}}</a>{{user.nickname}}',
        bodyText: "{{nope.deep.path}}|{{subscription.type_name}}",
      },
      context,
    );
    expect(rendered.subject).toBe("Ends 1 Feb 2026, 00:00 UTC");
    expect(rendered.html).toBe('<a href="http://localhost:3000/account">Subflow</a>');
    expect(rendered.text).toBe("|Web monthly");
    expect(rendered.missingVariables).toEqual(["nope.deep.path", "user.nickname"]);
  });

  it("renders subscription variables empty when the user has none, and supports {{#if}}", () => {
    const rendered = renderEmailTemplate(
      {
        subject: "x",
        bodyHtml: "{{#if subscription}}until {{subscription.end_at}}{{else}}no plan{{/if}}",
        bodyText: "[{{subscription.end_at}}]",
      },
      { ...context, subscription: null },
    );
    expect(rendered.html).toBe("no plan");
    expect(rendered.text).toBe("[]");
    expect(rendered.missingVariables).toEqual(["subscription", "subscription.end_at"]);
  });

  it("keeps the subject on one line and refuses a template that does not parse", () => {
    expect(
      renderEmailTemplate({ subject: "a\n{{user.email}}\r\n", bodyHtml: "", bodyText: "" }, context)
        .subject,
    ).toBe("a ann@example.com");
    expect(() =>
      renderEmailTemplate({ subject: "{{#if}}", bodyHtml: "", bodyText: "" }, context),
    ).toThrow(expect.objectContaining({ code: "email_template_invalid" }));
  });

  it("escapes a value in the HTML body only, when the HTML and text bodies are the same source", () => {
    const source = "{{user.name}}";
    const rendered = renderEmailTemplate(
      { subject: source, bodyHtml: source, bodyText: source },
      { user: { name: "<b>Ann</b>" } },
    );
    expect(rendered.html).toBe("&lt;b&gt;Ann&lt;/b&gt;");
    expect(rendered.text).toBe("<b>Ann</b>");
    expect(rendered.subject).toBe("<b>Ann</b>");
    // Rendered again (from the compiled templates kept for these sources), the same.
    expect(
      renderEmailTemplate(
        { subject: source, bodyHtml: source, bodyText: source },
        { user: { name: "<i>" } },
      ),
    ).toMatchObject({ html: "&lt;i&gt;", text: "<i>", subject: "<i>" });
  });

  it("does not expose prototype properties", () => {
    const rendered = renderEmailTemplate(
      { subject: "{{user.constructor}}", bodyHtml: "{{user.__proto__}}", bodyText: "" },
      context,
    );
    expect(rendered.subject).toBe("");
    expect(rendered.html).toBe("");
  });
});

describe("template variables", () => {
  it("lists the root variables a template uses, skipping helpers and block-relative paths", () => {
    expect(
      listTemplateVariables(
        "{{user.name}} {{#if subscription}}{{subscription.end_at}}{{/if}} {{#each items}}{{title}}{{/each}} {{lookup user 'email'}}",
      ),
    ).toEqual(["items", "subscription", "subscription.end_at", "user", "user.name"]);
  });

  it("reports unknown variables, accepting known ones, their parents and declared extras", () => {
    expect(
      findUnknownVariables([
        "{{user.nmae}} {{subscription.end_at}} {{#if subscription}}{{/if}} {{order.total}}",
      ]),
    ).toEqual(["order.total", "user.nmae"]);
    expect(findUnknownVariables(["{{order.total}}"], ["order.total"])).toEqual([]);
  });

  it("describes a syntax error", () => {
    expect(templateSyntaxError("{{user.name}")).toMatch(/Parse error|Expecting/);
    expect(templateSyntaxError("{{user.name}}")).toBeNull();
  });
});
