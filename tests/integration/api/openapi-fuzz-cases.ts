import {
  exampleString,
  jsonTypeOf,
  MAX_BODY_BYTES,
  VALUES_OF_TYPE,
  type JsonSchema,
  type JsonType,
} from "./openapi-fuzz-values";

/**
 * Bad requests derived from an OpenAPI operation's request schema, for openapi-fuzz.test.ts: a schema-valid base
 * body, then one defect at a time (a property of the wrong JSON type, out of range, a string just under 1 MB, a
 * required property missing, an extra property). Choices among equally bad values come from a seeded generator
 * (openapi-fuzz-values.ts), so every run sends the same requests.
 */

interface BodyCase {
  name: string;
  body: unknown;
}

export class SchemaWalker {
  constructor(
    private readonly components: Record<string, JsonSchema>,
    private readonly random: () => number,
    /** Values for properties of these names in base bodies (rows the test seeded), over the schema's examples. */
    private readonly hints: Record<string, unknown> = {},
  ) {}

  private resolve(schema: JsonSchema): JsonSchema {
    let current = schema;
    for (let hops = 0; current.$ref && hops < 10; hops++) {
      current = {
        ...this.components[current.$ref.replace("#/components/schemas/", "")]!,
        ...current,
      };
      delete current.$ref;
    }
    return current;
  }

  private pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.random() * values.length)]!;
  }

  /** The JSON types a schema admits; null when it admits anything (no type, union or enum to read). */
  private allowedTypes(raw: JsonSchema): Set<JsonType> | null {
    const schema = this.resolve(raw);
    const types = new Set<JsonType>();
    const add = (type: string) => {
      types.add(type as JsonType);
      if (type === "number") types.add("integer");
    };
    if (schema.type) (Array.isArray(schema.type) ? schema.type : [schema.type]).forEach(add);
    for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) {
      const branchTypes = this.allowedTypes(branch);
      if (!branchTypes) return null;
      branchTypes.forEach(add);
    }
    for (const value of schema.enum ?? ("const" in schema ? [schema.const] : []))
      add(jsonTypeOf(value));
    return types.size ? types : null;
  }

  /** A value the schema accepts (as far as its JSON Schema says: an example, a default, or one built to fit). */
  private example(raw: JsonSchema, depth = 0): unknown {
    const schema = this.resolve(raw);
    if (schema.example !== undefined) return schema.example;
    if (schema.default !== undefined) return schema.default;
    if ("const" in schema) return schema.const;
    if (schema.enum?.length) return schema.enum[0];
    const branch = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].find(
      (option) => this.resolve(option).type !== "null",
    );
    if (branch) return this.example(branch, depth);
    const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
    switch (type) {
      case "string":
        return exampleString(schema);
      case "integer":
      case "number": {
        const low = schema.minimum ?? (schema.exclusiveMinimum ?? 0) + 1;
        return Math.min(Math.max(1, low), schema.maximum ?? Number.MAX_SAFE_INTEGER);
      }
      case "boolean":
        return false;
      case "array": {
        const item = schema.items && depth < 4 ? this.example(schema.items, depth + 1) : "x";
        return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => item);
      }
      case "object":
        return Object.fromEntries(
          (schema.required ?? []).map((key) => [
            key,
            key in this.hints
              ? structuredClone(this.hints[key])
              : this.example(schema.properties?.[key] ?? {}, depth + 1),
          ]),
        );
      default:
        return {};
    }
  }

  /**
   * Every property the mutations address: the body's own, and those of plain nested objects and of array items
   * (index 0), a few levels down. A union stays one property: its branches have no single shape to descend into.
   */
  private targets(raw: JsonSchema, path: (string | number)[] = []): Target[] {
    const schema = this.resolve(raw);
    if (path.length > 6) return [];
    const found: Target[] = [];
    if (schema.type === "object" && schema.properties) {
      for (const [key, property] of Object.entries(schema.properties)) {
        const here = [...path, key];
        found.push({ path: here, schema: this.resolve(property), parent: schema });
        found.push(...this.targets(property, here));
      }
    } else if (schema.type === "array" && schema.items) {
      found.push(...this.targets(schema.items, [...path, 0]));
    }
    return found;
  }

  /**
   * Bodies that must be refused (`refused`), each the base body changed in one place; and bodies with values the
   * schema accepts at its bounds, which a column might not (`edges`).
   */
  bodyCases(
    raw: JsonSchema,
    base: unknown = this.example(raw),
  ): { base: unknown; refused: BodyCase[]; edges: BodyCase[] } {
    const schema = this.resolve(raw);
    const refused: BodyCase[] = [];
    const edges: BodyCase[] = [];
    const baseSize = JSON.stringify(base).length;
    for (const target of this.targets(schema)) {
      const label = target.path.join(".");
      const set = (value: unknown) => this.withValue(schema, base, target.path, value);
      const allowed = this.allowedTypes(target.schema);
      if (allowed) {
        for (const type of Object.keys(VALUES_OF_TYPE) as JsonType[]) {
          if (allowed.has(type)) continue;
          const value = this.pick(VALUES_OF_TYPE[type]);
          refused.push({ name: `${label} as ${type} ${JSON.stringify(value)}`, body: set(value) });
        }
      }
      for (const value of this.outOfRange(target.schema))
        refused.push({ name: `${label} out of range ${JSON.stringify(value)}`, body: set(value) });
      const strings = this.branches(target.schema).filter((branch) => branch.type === "string");
      if (strings.length) {
        // Just under the body limit, so the string itself (not the size) is what the route must refuse.
        const huge = "x".repeat(MAX_BODY_BYTES - baseSize - 256);
        const bounded = strings.every(
          (branch) => branch.maxLength !== undefined || branch.pattern || branch.enum,
        );
        (bounded ? refused : edges).push({
          name: `${label} as a string of ${huge.length} bytes`,
          body: set(huge),
        });
      }
      for (const value of this.edgeValues(target.schema))
        edges.push({ name: `${label} = ${JSON.stringify(value).slice(0, 40)}`, body: set(value) });
      if (target.parent.required?.includes(target.path.at(-1) as string)) {
        refused.push({ name: `${label} missing`, body: set(MISSING) });
      }
      if (target.schema.type === "object" && target.schema.additionalProperties === false) {
        refused.push({
          name: `${label} with an extra property`,
          body: this.withValue(schema, base, [...target.path, "zz_unexpected"], 1),
        });
      }
    }
    refused.push({ name: "an extra property", body: { ...(base as object), zz_unexpected: 1 } });
    for (const value of ["fuzz", 1, true, null, [], [base]])
      refused.push({ name: `the body as ${JSON.stringify(value)}`, body: value });
    return { base, refused, edges };
  }

  /** The schema itself, or the branches of its union (each resolved), with `type` a single name. */
  private branches(raw: JsonSchema): JsonSchema[] {
    const schema = this.resolve(raw);
    const union = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
    if (union.length) return union.flatMap((branch) => this.branches(branch));
    if (Array.isArray(schema.type)) return schema.type.map((type) => ({ ...schema, type }));
    return [schema];
  }

  /** Values of the right JSON type that the schema's bounds refuse (in every branch of a union). */
  private outOfRange(raw: JsonSchema): unknown[] {
    return this.branches(raw).flatMap((branch) => this.outOfBranchRange(branch));
  }

  private outOfBranchRange(schema: JsonSchema): unknown[] {
    const values: unknown[] = [];
    const types = this.allowedTypes(schema);
    if (schema.enum?.length && types?.has("string")) values.push("not_a_listed_value");
    if (schema.type === "integer" || schema.type === "number") {
      if (schema.minimum !== undefined) values.push(schema.minimum - 1);
      if (schema.exclusiveMinimum !== undefined) values.push(schema.exclusiveMinimum);
      if (schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER)
        values.push(schema.maximum + 1);
      if (schema.type === "integer") values.push(2.5);
    }
    if (schema.type === "string") {
      if (schema.minLength) values.push("a".repeat(schema.minLength - 1));
      if (schema.maxLength !== undefined) values.push("a".repeat(schema.maxLength + 1));
      if (schema.pattern) values.push("Not A Match!");
      if (schema.format === "email") values.push("not-an-address");
      if (schema.format === "date-time") values.push("2026-13-45T25:61:00Z");
    }
    if (schema.type === "array" && schema.minItems) values.push([]);
    return values;
  }

  /** Values the schema accepts at its bounds, which a narrower column or an id lookup must still refuse cleanly. */
  private edgeValues(raw: JsonSchema): unknown[] {
    return this.branches(raw).flatMap((schema): unknown[] => {
      if (schema.type === "integer" && (schema.maximum ?? Infinity) >= 2 ** 31)
        return [2 ** 31, schema.maximum ?? Number.MAX_SAFE_INTEGER];
      if (schema.type === "string" && schema.maxLength && !schema.pattern && !schema.format)
        return ["x".repeat(schema.maxLength), "é".repeat(schema.maxLength)];
      return [];
    });
  }

  /** A copy of `base` with the value at `path` replaced (or removed, for MISSING); absent parents are built. */
  private withValue(root: JsonSchema, base: unknown, path: (string | number)[], value: unknown) {
    const copy = structuredClone(base) as Record<string | number, unknown>;
    let node = copy;
    let schema = root;
    for (const key of path.slice(0, -1)) {
      schema = this.resolve(
        typeof key === "number" ? (schema.items ?? {}) : (schema.properties?.[key] ?? {}),
      );
      if (node[key] === null || typeof node[key] !== "object") node[key] = this.example(schema);
      node = node[key] as Record<string | number, unknown>;
    }
    const last = path.at(-1)!;
    if (value === MISSING) delete node[last];
    else node[last] = value;
    return copy;
  }
}

interface Target {
  path: (string | number)[];
  schema: JsonSchema;
  parent: JsonSchema;
}

const MISSING = Symbol("missing");
