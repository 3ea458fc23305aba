// Check characters of GS1 keys, as GS1's lint_csum.c and lint_csumalpha.c verify them: the mod-10 check digit
// (GenSpecs §7.9.1) and the alphanumeric check character pair of GMN and MUDI (GenSpecs §7.9.5).
import { failure, nonDigitFailure } from "./lint-failure.js";
import type { Linter } from "./types.js";

/** `csum`: the last digit is the GS1 mod-10 check digit of the digits before it. */
export const csum: Linter = (component) => {
  if (component.length === 0) return failure("check-digit", 0, 0, "too short for a check digit");
  // One pass for both checks (every digit, and the weighted sum): this runs on every GTIN of every scan.
  const last = component.length - 1;
  let sum = 0;
  let weight = 3;
  for (let i = last - 1; i >= 0; i--) {
    const digit = component.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return nonDigitFailure("check-digit", component);
    sum += digit * weight;
    weight = 4 - weight;
  }
  const found = component.charCodeAt(last) - 48;
  if (!(found >= 0 && found <= 9)) return nonDigitFailure("check-digit", component);
  const expected = (10 - (sum % 10)) % 10;
  return expected === found
    ? undefined
    : failure("check-digit", last, 1, `check digit should be ${expected}, not ${found}`);
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
  if (dataLength < 0) return failure("check-digit", 0, component.length, "too short for a check character pair");
  if (dataLength > MAX_DATA_LENGTH) {
    return failure("check-digit", 0, component.length, "too long for a check character pair");
  }
  for (let i = 0; i < component.length; i++) {
    const set = i < dataLength ? CSET82 : CSET32;
    if (!set.includes(component.charAt(i))) {
      const role = i < dataLength ? "a CSET 82 data" : "a CSET 32 check";
      return failure("check-digit", i, 1, `"${component.charAt(i)}" is not ${role} character`);
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
    : failure("check-digit", dataLength, 2, `check characters should be ${expected}, not ${found}`);
};
