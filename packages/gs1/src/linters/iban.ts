// International Bank Account Numbers (ISO 13616-1), as lint_iban.c checks them: an alpha-2 country code, two
// check digits, then the account number; moving the first four characters to the end and reading letters as
// 10–35 gives a number that leaves 1 when divided by 97.
import { isIso3166Alpha2 } from "./code-lists.js";
import { failure } from "./lint-failure.js";
import type { Linter } from "./types.js";

const IBAN_CHARACTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
// lint_iban.c sets no true minimum; more than 10 characters leaves room for the check digits to mean something.
const SHORTEST_IBAN = 11;

function mod97(characters: string): number {
  let remainder = 0;
  for (const character of characters) {
    const value = IBAN_CHARACTERS.indexOf(character);
    remainder = (remainder * (value < 10 ? 10 : 100) + value) % 97;
  }
  return remainder;
}

/** `iban`: an IBAN with a valid country code and correct check digits. */
export const iban: Linter = (component) => {
  if (component.length < SHORTEST_IBAN) return failure(0, component.length, "too short");
  if (!isIso3166Alpha2(component.slice(0, 2))) {
    return failure(0, 2, "not an ISO 3166 country code");
  }
  for (let i = 2; i < component.length; i++) {
    if (!IBAN_CHARACTERS.includes(component.charAt(i))) {
      return failure(i, 1, `bad character "${component.charAt(i)}"`);
    }
  }
  const accountThenCountry = component.slice(4) + component.slice(0, 2);
  if (mod97(accountThenCountry + component.slice(2, 4)) === 1) return undefined;
  const expected = String(98 - mod97(`${accountThenCountry}00`)).padStart(2, "0");
  return failure(2, 2, `IBAN check digits should be ${expected}, not ${component.slice(2, 4)}`);
};
