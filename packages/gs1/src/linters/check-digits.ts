// Check characters of GS1 keys, as GS1's lint_csum.c and lint_csumalpha.c verify them: the mod-10 check digit
// (GenSpecs §7.9.1) and the alphanumeric check character pair of GMN and MUDI (GenSpecs §7.9.5).
import { mod10CheckDigit } from "../check-digit.js";
import { failure, nonDigitFailure } from "./lint-failure.js";
import type { Linter } from "./types.js";

/** `csum`: the last digit is the GS1 mod-10 check digit of the digits before it. */
export const csum: Linter = (component) => {
  // Element validation sums the digits as it reads them and calls this only when the sum is wrong.
  const last = component.length - 1;
  if (last < 0) return failure(0, 0, "too short", "check-digit");
  const nonDigit = nonDigitFailure(component, "check-digit");
  if (nonDigit) return nonDigit;
  const expected = mod10CheckDigit(component, last);
  const found = component.charCodeAt(last) - 48;
  return expected === found
    ? undefined
    : failure(last, 1, `check digit should be ${expected}, not ${found}`, "check-digit");
};

// A data character weighs its position in CSET 82; a check character is worth its position in CSET 32.
const CSET82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
const CSET32 = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
// Data characters are weighted by successive primes from the right. The C linter stops at 97 primes (enough
// for the longest AI, 99 characters) and refuses longer data; so do we.
const MAX_DATA_LENGTH = 97;
let primes: number[] | undefined;

function firstPrimes(count: number): number[] {
  const found: number[] = [];
  for (let n = 2; found.length < count; n++) if (found.every((p) => n % p !== 0)) found.push(n);
  return found;
}

/** `csumalpha`: the last two characters are the GS1 check character pair of the characters before them. */
export const csumalpha: Linter = (component) => {
  const dataLength = component.length - 2;
  if (dataLength < 0) return failure(0, component.length, "too short", "check-digit");
  if (dataLength > MAX_DATA_LENGTH) {
    return failure(0, component.length, "too long", "check-digit");
  }
  for (let i = 0; i < component.length; i++) {
    const set = i < dataLength ? CSET82 : CSET32;
    if (!set.includes(component.charAt(i))) {
      return failure(i, 1, `bad character "${component.charAt(i)}"`, "check-digit");
    }
  }
  primes ??= firstPrimes(MAX_DATA_LENGTH);
  let sum = 0;
  for (let i = 0; i < dataLength; i++) sum += CSET82.indexOf(component.charAt(i)) * (primes[dataLength - 1 - i] ?? 0);
  sum %= 1021;
  // The 10-bit sum splits into two 5-bit values, one per check character.
  const expected = CSET32.charAt(sum >> 5) + CSET32.charAt(sum & 31);
  const found = component.slice(dataLength);
  return expected === found
    ? undefined
    : failure(dataLength, 2, `check characters should be ${expected}, not ${found}`, "check-digit");
};
