// The till's two languages and `t()`, which fills `{name}` placeholders.
import { en, type MessageKey, type Messages } from "./en.js";
import { zhCN } from "./zh-CN.js";

/** The languages the till speaks. */
export type Locale = "zh-CN" | "en";

/** Every locale's messages. */
export const MESSAGES: Readonly<Record<Locale, Messages>> = { "zh-CN": zhCN, en };

/** Looks up a text of the till. */
export type Translate = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;

/** The `t()` of one locale. */
export function translator(locale: Locale): Translate {
  const messages = MESSAGES[locale];
  return (key, values) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      values?.[name] === undefined ? whole : String(values[name]),
    );
}

/** Reads a stored or configured locale; anything else is Chinese, the stall's language. */
export function localeOf(value: unknown): Locale {
  return value === "en" ? "en" : "zh-CN";
}

export type { MessageKey, Messages };
