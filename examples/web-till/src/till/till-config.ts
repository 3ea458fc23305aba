// The till's configuration: config.json written by start.mjs (hub, store, feed key, gateway), with the owner's own
// settings (saved on the settings screen, in localStorage) laid over it. Read as outside input: a bad file is a
// Result with a code, never an exception.
import { parseTrustedKeys, type TrustedKey } from "@scangate/rules";

/** The scanner options the settings screen edits. */
export interface ScannerSettings {
  readonly gsSubstitutes: readonly string[];
  readonly prefixKeys: readonly string[];
  /** @default 35 (the wedge's default) */
  readonly maxMedianGapMs: number;
}

/** Everything the till needs to start. */
export interface TillConfig {
  /** Base URL of the hub (the capture interface); the demo serves it through the till's origin at `/hub/`. */
  readonly hubUrl: string;
  readonly storeToken: string;
  readonly storeGln: string;
  readonly storeName: string;
  /** ISO 3166-2 region of the store (notices scoped by region). */
  readonly region: string;
  readonly timeZone: string;
  readonly feedUrl: string;
  readonly trustedKeys: readonly TrustedKey[];
  readonly gateway: { readonly url: string; readonly merchantId: string; readonly secret: string };
  /** The stall's starting catalogue and its version (re-imported when the version changes). */
  readonly catalogueUrl: string;
  readonly catalogueVersion: string;
  readonly scanner: ScannerSettings;
  /** Who may override a blocked line. */
  readonly overrideRole: string;
  /** How often the rule store asks the hub for a newer feed, in ms (config.json `ruleSyncIntervalMs`). @default 900_000 */
  readonly ruleSyncIntervalMs: number;
  /** Longest wait before retrying a failed sales upload, in ms (config.json `salesRetryMaxMs`). @default 30_000 */
  readonly salesRetryMaxMs: number;
}

/** The settings an owner may change on the till. */
export type LocalSettings = Partial<
  Pick<TillConfig, "hubUrl" | "storeToken" | "timeZone" | "scanner" | "overrideRole">
>;

/** Why a configuration was refused. */
export interface ConfigError {
  readonly code: "CONFIG_UNREADABLE" | "CONFIG_INVALID";
  readonly message: string;
}

type ConfigResult =
  | { readonly ok: true; readonly value: TillConfig }
  | { readonly ok: false; readonly error: ConfigError };

const DEFAULT_SCANNER: ScannerSettings = { gsSubstitutes: [], prefixKeys: [], maxMedianGapMs: 35 };

/** A period in ms from config.json, between 250 ms and a day; anything else is the default. */
function periodMs(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) && value >= 250 && value <= 86_400_000 ? value : fallback;
}

function text(record: Record<string, unknown>, key: string, fallback?: string): string | undefined {
  const value = record[key];
  return typeof value === "string" && value.length > 0 ? value : fallback;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function feedOf(hubUrl: string): string | undefined {
  try {
    return new URL("feed/", hubUrl.endsWith("/") ? hubUrl : `${hubUrl}/`).href;
  } catch {
    return undefined;
  }
}

function scannerOf(value: unknown): ScannerSettings {
  if (typeof value !== "object" || value === null) return DEFAULT_SCANNER;
  const record = value as Record<string, unknown>;
  const strings = (list: unknown) =>
    Array.isArray(list) ? list.filter((entry): entry is string => typeof entry === "string" && entry.length > 0) : [];
  const gap = Number(record.maxMedianGapMs);
  return {
    gsSubstitutes: strings(record.gsSubstitutes),
    prefixKeys: strings(record.prefixKeys),
    maxMedianGapMs: Number.isFinite(gap) && gap >= 5 && gap <= 200 ? gap : DEFAULT_SCANNER.maxMedianGapMs,
  };
}

/** Reads config.json's body with the local settings over it. */
export function parseTillConfig(json: unknown, local: unknown): ConfigResult {
  if (typeof json !== "object" || json === null)
    return { ok: false, error: { code: "CONFIG_UNREADABLE", message: "config.json is not a JSON object" } };
  const file = json as Record<string, unknown>;
  const own = (typeof local === "object" && local !== null ? local : {}) as Record<string, unknown>;
  const gateway = (typeof file.gateway === "object" && file.gateway !== null ? file.gateway : {}) as Record<
    string,
    unknown
  >;
  const keys = parseTrustedKeys(new TextEncoder().encode(JSON.stringify(file.trustedKeys ?? null)), "trustedKeys");
  const fields = {
    hubUrl: text(own, "hubUrl", text(file, "hubUrl")),
    storeToken: text(own, "storeToken", text(file, "storeToken")),
    storeGln: text(file, "storeGln"),
    storeName: text(file, "storeName", "ScanGate"),
    region: text(file, "region", "CN-ZJ"),
    timeZone: text(own, "timeZone", text(file, "timeZone", "Asia/Shanghai")),
    // A hub chosen on the till serves the feed too, at its /feed/.
    feedUrl: typeof own.hubUrl === "string" && own.hubUrl !== "" ? feedOf(own.hubUrl) : text(file, "feedUrl"),
    gatewayUrl: text(gateway, "url"),
    merchantId: text(gateway, "merchantId"),
    secret: text(gateway, "secret"),
    catalogueUrl: text(file, "catalogueUrl", "/catalogue.json"),
    catalogueVersion: text(file, "catalogueVersion", "0"),
  };
  const missing = Object.entries(fields).flatMap(([name, value]) => (value === undefined ? [name] : []));
  const problem =
    missing.length > 0
      ? `missing: ${missing.join(", ")}`
      : !keys.ok
        ? `trustedKeys: ${keys.error.message}`
        : !/^\d{13}$/.test(fields.storeGln ?? "")
          ? "storeGln is not 13 digits"
          : !isTimeZone(fields.timeZone ?? "")
            ? `unknown time zone ${fields.timeZone}`
            : undefined;
  if (problem !== undefined || !keys.ok)
    return { ok: false, error: { code: "CONFIG_INVALID", message: problem ?? "trustedKeys" } };
  // Every field is present now (checked just above).
  const { gatewayUrl, merchantId, secret, ...found } = fields as { readonly [Name in keyof typeof fields]: string };
  return {
    ok: true,
    value: {
      ...found,
      trustedKeys: keys.value,
      gateway: { url: gatewayUrl, merchantId, secret },
      scanner: scannerOf(own.scanner ?? file.scanner),
      overrideRole: text(own, "overrideRole", text(file, "overrideRole", "supervisor")) ?? "supervisor",
      ruleSyncIntervalMs: periodMs(file.ruleSyncIntervalMs, 900_000),
      salesRetryMaxMs: periodMs(file.salesRetryMaxMs, 30_000),
    },
  };
}
