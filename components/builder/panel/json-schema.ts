/**
 * The part of JSON Schema that zod's `toJSONSchema` writes for action params and criterion values, read on the
 * client: which form fields to render, what a fresh config holds, and whether a value fits (for inline messages;
 * the server checks the same value with the zod schema it came from).
 */
export interface JsonSchema {
  type?: string;
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

export const asJsonSchema = (value: unknown): JsonSchema =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonSchema) : {};

export type ParamFieldKind = "integer" | "number" | "string" | "url" | "boolean" | "enum" | "json";

export interface ParamField {
  name: string;
  label: string;
  description: string | null;
  required: boolean;
  kind: ParamFieldKind;
  /** The choices of an `enum` field. */
  options: string[];
  schema: JsonSchema;
}

function fieldKind(schema: JsonSchema): ParamFieldKind {
  if (Array.isArray(schema.enum)) return "enum";
  switch (schema.type) {
    case "integer":
      return "integer";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "string":
      return schema.format === "uri" || schema.format === "url" ? "url" : "string";
    default:
      return "json";
  }
}

/** "max_days" → "Max days": the label of a field without a `title`. */
const humanize = (name: string) => {
  const words = name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The fields of an object schema, in its property order. */
export function paramFields(schemaValue: unknown): ParamField[] {
  const schema = asJsonSchema(schemaValue);
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, raw]) => {
    const field = asJsonSchema(raw);
    return {
      name,
      label: field.title ?? humanize(name),
      description: field.description ?? null,
      required: required.has(name),
      kind: fieldKind(field),
      options: (field.enum ?? []).map(String),
      schema: field,
    };
  });
}

function defaultValue(field: ParamField): unknown {
  if (field.schema.default !== undefined) return field.schema.default;
  if (!field.required) return undefined;
  switch (field.kind) {
    case "enum":
      return field.schema.enum?.[0];
    case "boolean":
      return false;
    case "integer":
    case "number":
      // Zero, or the bound nearest to it (zod writes ±MAX_SAFE_INTEGER bounds for every int).
      return Math.min(
        Math.max(0, field.schema.minimum ?? -Infinity),
        field.schema.maximum ?? Infinity,
      );
    case "json":
      return {};
    default:
      return "";
  }
}

/** The params a freshly chosen action starts with: schema defaults, else the least a required field can hold. */
export function defaultParams(schemaValue: unknown): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const field of paramFields(schemaValue)) {
    const value = defaultValue(field);
    if (value !== undefined) params[field.name] = value;
  }
  return params;
}

const isPlainObject = (value: unknown) =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function checkFormat(format: string, value: string): string | null {
  if (format === "date") {
    const date = new Date(`${value}T00:00:00Z`);
    return /^\d{4}-\d{2}-\d{2}$/.test(value) &&
      !Number.isNaN(date.getTime()) &&
      date.toISOString().startsWith(value)
      ? null
      : "Enter a date.";
  }
  if (format === "uri" || format === "url")
    return URL.canParse(value) ? null : "Enter a full URL (https://…).";
  if (format === "email") return /^[^\s@]+@[^\s@]+$/.test(value) ? null : "Enter an email address.";
  return null;
}

/**
 * Why a value does not fit its schema, or null when it does. `formatNumber` writes bounds the way the field shows
 * numbers (money in currency units rather than cents).
 */
export function checkJsonValue(
  schemaValue: unknown,
  value: unknown,
  formatNumber: (n: number) => string = String,
): string | null {
  const schema = asJsonSchema(schemaValue);
  if (value === undefined) return "Required.";
  if (schema.anyOf) {
    const messages = schema.anyOf.map((branch) => checkJsonValue(branch, value, formatNumber));
    return messages.includes(null) ? null : (messages[0] ?? null);
  }
  if (Array.isArray(schema.enum))
    return schema.enum.includes(value) ? null : "Choose one of the options.";
  switch (schema.type) {
    case "integer":
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) return "Enter a number.";
      if (schema.type === "integer" && !Number.isInteger(value)) return "Enter a whole number.";
      if (schema.minimum !== undefined && value < schema.minimum)
        return `Must be at least ${formatNumber(schema.minimum)}.`;
      if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) {
        return `Must be more than ${formatNumber(schema.exclusiveMinimum)}.`;
      }
      if (schema.maximum !== undefined && value > schema.maximum)
        return `Must be at most ${formatNumber(schema.maximum)}.`;
      if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum) {
        return `Must be less than ${formatNumber(schema.exclusiveMaximum)}.`;
      }
      return null;
    }
    case "string": {
      if (typeof value !== "string") return "Enter text.";
      if ((schema.minLength ?? 0) > 0 && value.trim() === "") return "Required.";
      if (schema.minLength !== undefined && value.length < schema.minLength)
        return `Use at least ${schema.minLength} characters.`;
      if (schema.maxLength !== undefined && value.length > schema.maxLength)
        return `Use at most ${schema.maxLength} characters.`;
      const formatMessage = schema.format ? checkFormat(schema.format, value) : null;
      if (formatMessage) return formatMessage;
      if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value))
        return `Must match ${schema.pattern}.`;
      return null;
    }
    case "boolean":
      return typeof value === "boolean" ? null : "Choose yes or no.";
    case "array": {
      if (!Array.isArray(value)) return "Choose from the list.";
      if (schema.minItems !== undefined && value.length < schema.minItems)
        return `Choose at least ${schema.minItems}.`;
      if (schema.maxItems !== undefined && value.length > schema.maxItems)
        return `Choose at most ${schema.maxItems}.`;
      for (const item of value) {
        const message = schema.items ? checkJsonValue(schema.items, item, formatNumber) : null;
        if (message) return message;
      }
      return null;
    }
    case "object":
      return isPlainObject(value) ? null : "Enter a JSON object.";
    default:
      return null;
  }
}

/** Each param's message, by field name (an optional field left empty has none). */
export function checkParams(
  schemaValue: unknown,
  params: Record<string, unknown>,
): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const field of paramFields(schemaValue)) {
    const value = params[field.name];
    const message =
      value === undefined
        ? field.required
          ? "Required."
          : null
        : checkJsonValue(field.schema, value);
    if (message) messages[field.name] = message;
  }
  return messages;
}
