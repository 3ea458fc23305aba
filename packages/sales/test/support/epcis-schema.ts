// GS1's EPCIS 2.0 JSON Schema (gs1/EPCIS, ../shared/data), compiled once with ajv + formats, as the tests' judge of
// what the outbox writes.
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";

// ajv-formats is CommonJS with `exports.default`; under Node ESM the namespace's default is module.exports.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

const schemaPath = new URL("../../../../../shared/data/epcis-2.0-json-schema.json", import.meta.url);
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")) as object);

/** The schema's complaints about `document` (an EPCISDocument or a lone event with @context); empty when valid. */
export function schemaErrors(document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || "(root)"} ${error.message ?? ""}`);
}
