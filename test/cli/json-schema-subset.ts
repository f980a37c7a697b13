/**
 * A validator for the part of JSON Schema (draft 2020-12) that schema/cli/ uses: type (one or a list), properties,
 * required, additionalProperties (false or a schema), items, enum, oneOf, $ref (to #/$defs/… or to a sibling file)
 * and $defs. Annotations are skipped; any other keyword is an error, so a schema cannot lean on a rule this
 * validator would silently ignore.
 */
import * as fs from "fs";
import * as path from "path";

type Schema = { readonly [keyword: string]: unknown };

const ANNOTATIONS = new Set(["$schema", "$id", "$comment", "title", "description", "examples", "$defs"]);
const KEYWORDS = new Set(["type", "properties", "required", "additionalProperties", "items", "enum", "oneOf", "$ref"]);

export class SchemaSubsetValidator {
  private readonly files = new Map<string, Schema>();

  constructor(private readonly dir: string) {}

  /** Every way `value` misses the schema file `file`, as "JSON pointer: problem"; empty when it conforms. */
  validate(file: string, value: unknown): string[] {
    const errors: string[] = [];
    this.check(this.load(file), value, "", file, errors);
    return errors;
  }

  private load(file: string): Schema {
    if (!this.files.has(file)) this.files.set(file, JSON.parse(fs.readFileSync(path.join(this.dir, file), "utf8")));
    return this.files.get(file)!;
  }

  private resolve(ref: string, file: string): { schema: Schema; file: string } {
    const [target, pointer = ""] = ref.split("#");
    const targetFile = target === "" ? file : target;
    let schema: unknown = this.load(targetFile);
    for (const part of pointer.split("/").filter(Boolean)) schema = (schema as Schema)[part];
    if (typeof schema !== "object" || schema === null) throw new Error(`${file}: $ref ${ref} resolves to nothing`);
    return { schema: schema as Schema, file: targetFile };
  }

  private check(schema: Schema, value: unknown, at: string, file: string, errors: string[]): void {
    for (const keyword of Object.keys(schema)) {
      if (!KEYWORDS.has(keyword) && !ANNOTATIONS.has(keyword)) throw new Error(`${file}${at}: keyword ${keyword} is outside the subset this validator checks`);
    }
    if (typeof schema.$ref === "string") {
      const target = this.resolve(schema.$ref, file);
      this.check(target.schema, value, at, target.file, errors);
    }
    if (schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
      if (!types.some((t) => hasType(value, t))) {
        errors.push(`${at || "/"}: ${JSON.stringify(value)?.slice(0, 60)} is not ${types.join(" or ")}`);
        return;
      }
    }
    if (Array.isArray(schema.enum) && !schema.enum.includes(value))
      errors.push(`${at || "/"}: ${JSON.stringify(value)} is not one of ${schema.enum.join(", ")}`);
    if (Array.isArray(schema.oneOf)) {
      const passing = (schema.oneOf as Schema[]).filter((option) => {
        const found: string[] = [];
        this.check(option, value, at, file, found);
        return found.length === 0;
      });
      if (passing.length !== 1) errors.push(`${at || "/"}: matches ${passing.length} of the oneOf schemas, not exactly 1`);
    }
    if (isObject(value)) {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      for (const key of (schema.required ?? []) as string[]) if (!(key in value)) errors.push(`${at}/${key}: required, missing`);
      for (const [key, item] of Object.entries(value)) {
        if (Object.prototype.hasOwnProperty.call(properties, key)) this.check(properties[key], item, `${at}/${key}`, file, errors);
        else if (schema.additionalProperties === false) errors.push(`${at}/${key}: not a property the schema allows`);
        else if (isObject(schema.additionalProperties)) this.check(schema.additionalProperties as Schema, item, `${at}/${key}`, file, errors);
      }
    }
    if (Array.isArray(value) && isObject(schema.items)) value.forEach((item, i) => this.check(schema.items as Schema, item, `${at}/${i}`, file, errors));
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case "null":
      return value === null;
    case "array":
      return Array.isArray(value);
    case "object":
      return isObject(value);
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "string":
    case "boolean":
      return typeof value === type;
    default:
      throw new Error(`type ${type} is outside the subset`);
  }
}
