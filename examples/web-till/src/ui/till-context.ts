// What every screen needs: the till's parts, its language and `t()`.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Locale, Translate } from "../messages/index.js";
import type { TillParts } from "../till/till-parts.js";

/** The context value. */
export interface TillContextValue {
  readonly parts: TillParts;
  readonly locale: Locale;
  readonly t: Translate;
  /** Switches the till's language (the header's and the settings screen's switch). */
  readonly setLocale: (locale: Locale) => void;
}

/** Provided once by App. */
export const TillContext = createContext<TillContextValue | undefined>(undefined);

/** The till context; App always provides it. */
export function useTill(): TillContextValue {
  const value = useContext(TillContext);
  if (value === undefined) throw new Error("useTill outside <App>");
  return value;
}
