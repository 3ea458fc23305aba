// Dates and times of day, as GS1's lint_yymmd0.c, lint_yymmdd.c, lint_yyyymmdd.c, lint_hh.c, lint_mi.c,
// lint_ss.c and lint_hhmi.c check them: real calendar dates (leap years included) and 24-hour clock times.
import { daysInMonth, twoDigits } from "../dates.js";
import { failure, nonDigitFailure } from "./lint-failure.js";
import type { Linter, LintFailure } from "./types.js";

// The C linter widens YY against a fixed reference year (CURRENT_YEAR 21 in lint_yymmd0.c: 72–99 become 19YY,
// 00–71 become 20YY) rather than today's date, so the answer never depends on the clock. For leap years this
// only matters at 00, which becomes 2000, a leap year.
function widenYear(yy: number): number {
  return yy >= 72 ? 1900 + yy : 2000 + yy;
}

function checkDate(component: string, yearDigits: 2 | 4, dayZeroAllowed: boolean): LintFailure | undefined {
  const length = yearDigits + 4;
  if (component.length !== length) {
    return failure(0, component.length, `not ${length} digits`, "date");
  }
  const nonDigit = nonDigitFailure(component, "date");
  if (nonDigit) return nonDigit;
  // Digits by character code, and no closures: this runs on every date of every scan.
  const digitsOfYear =
    yearDigits === 2 ? twoDigits(component, 0) : twoDigits(component, 0) * 100 + twoDigits(component, 2);
  const year = yearDigits === 2 ? widenYear(digitsOfYear) : digitsOfYear;
  const month = twoDigits(component, yearDigits);
  const day = twoDigits(component, yearDigits + 2);
  if (month < 1 || month > 12) {
    return failure(yearDigits, 2, `month ${component.slice(yearDigits, yearDigits + 2)} does not exist`, "date");
  }
  if (day > daysInMonth(year, month) || (day === 0 && !dayZeroAllowed)) {
    return failure(
      yearDigits + 2,
      2,
      `day ${component.slice(yearDigits + 2)} does not exist in ${year}-${component.slice(yearDigits, yearDigits + 2)}`,
      "date",
    );
  }
  return undefined;
}

/** `yymmd0`: a YYMMDD date; day 00 (day not given) is allowed. */
export const yymmd0: Linter = (component) => checkDate(component, 2, true);

/** `yymmdd`: a YYMMDD date with a real day. */
export const yymmdd: Linter = (component) => checkDate(component, 2, false);

/** `yyyymmdd`: a YYYYMMDD date with a real day. */
export const yyyymmdd: Linter = (component) => checkDate(component, 4, false);

function twoDigitTimeLinter(unit: string, max: number): Linter {
  return (component) => {
    if (component.length !== 2) return failure(0, component.length, "not 2 digits", "date");
    return (
      nonDigitFailure(component, "date") ??
      (Number(component) > max ? failure(0, 2, `${unit} ${component} does not exist`, "date") : undefined)
    );
  };
}

/** `hh`: an hour of the day, 00 to 23. */
export const hh: Linter = twoDigitTimeLinter("hour", 23);

/** `mi`: a minute, 00 to 59. */
export const mi: Linter = twoDigitTimeLinter("minute", 59);

/** `ss`: a second, 00 to 59. */
export const ss: Linter = twoDigitTimeLinter("second", 59);

/** `hhmi`: a time of day as HHMI (hour 00–23, minute 00–59). */
export const hhmi: Linter = (component) => {
  if (component.length !== 4) return failure(0, component.length, "not 4 digits", "date");
  const minuteFailure = mi(component.slice(2));
  return hh(component.slice(0, 2)) ?? (minuteFailure && { ...minuteFailure, offset: minuteFailure.offset + 2 });
};
