// Capture documents are checked against GS1's own EPCIS 2.0 JSON schema (src/generated/), so "valid" means what
// the standard says, not what a hand-written subset happens to check. Compiling the schema takes ~100 ms, once per hub.
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { type HubError, hubError, type Result } from "../errors.js";
import { EPCIS_JSON_SCHEMA } from "../generated/epcis-json-schema.js";

/** Checks a capture document, or one event, against the EPCIS 2.0 JSON schema; returns its events. */
export interface EpcisValidator {
  /** A whole `EPCISDocument`; its `epcisBody.eventList`. */
  document(body: unknown): Result<readonly unknown[], HubError>;
  /** One event as `POST /events` takes it; `@context` may be left out (the hub adds the standard one to check it). */
  event(body: unknown): Result<unknown, HubError>;
}

const EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/epcis-context.jsonld";

/** Compiles the EPCIS 2.0 schema. */
export function createEpcisValidator(): EpcisValidator {
  const ajv = new Ajv({ strict: false, allErrors: false });
  addFormats(ajv);
  const validate = ajv.compile(EPCIS_JSON_SCHEMA);
  return {
    document(body) {
      if (!isObject(body) || body.type !== "EPCISDocument")
        return invalid([`type: a capture body is an EPCISDocument, got ${describe(body)}`]);
      if (!validate(body)) return invalid(ajvIssues(validate));
      const eventList = (body.epcisBody as { eventList?: unknown } | undefined)?.eventList;
      return { ok: true, value: Array.isArray(eventList) ? eventList : [] };
    },
    event(body) {
      if (!isObject(body)) return invalid([`(root): an event is a JSON object, got ${describe(body)}`]);
      const withContext = "@context" in body ? body : { "@context": EPCIS_CONTEXT, ...body };
      const wrapped = {
        "@context": EPCIS_CONTEXT,
        type: "EPCISDocument",
        schemaVersion: "2.0",
        creationDate: "2000-01-01T00:00:00Z",
        epcisBody: { eventList: [withContext] },
      };
      if (!validate(wrapped))
        return invalid(ajvIssues(validate).map((line) => line.replace("epcisBody.eventList.0", "event")));
      return { ok: true, value: body };
    },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (isObject(value)) return typeof value.type === "string" ? `type ${value.type}` : "an object without type";
  return Array.isArray(value) ? "an array" : typeof value;
}

function ajvIssues(validate: ValidateFunction): string[] {
  return (validate.errors ?? [])
    .filter((error: ErrorObject) => error.keyword !== "if")
    .map((error) => `${error.instancePath.slice(1).replaceAll("/", ".") || "(root)"}: ${error.message ?? "invalid"}`);
}

function invalid(issues: readonly string[]): { ok: false; error: HubError } {
  return {
    ok: false,
    error: hubError("INVALID_EPCIS_DOCUMENT", `not a valid EPCIS 2.0 document: ${issues[0]}`, issues),
  };
}
