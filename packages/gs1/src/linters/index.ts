// Every GS1 Syntax Test ("linter") that the GS1 Barcode Syntax Dictionary names, under the name the dictionary
// uses in its component specifications (e.g. `N14,csum,gcppos2`). Each re-implements the behaviour of GS1's
// reference linter src/lint_<name>.c in github.com/gs1/gs1-syntax-dictionary.
import { csum, csumalpha } from "./check-digits.js";
import {
  iso3166,
  iso3166alpha2,
  iso4217,
  iso5218,
  iso3166999,
  mediatype,
  packagetype,
  winding,
  yesno,
} from "./code-lists.js";
import { gcppos1, gcppos2 } from "./company-prefix.js";
import { latitude, longitude } from "./coordinates.js";
import { couponcode, couponposoffer } from "./coupons.js";
import { hh, hhmi, mi, ss, yymmd0, yymmdd, yyyymmdd } from "./dates.js";
import { hasnondigit, hyphen, importeridx, nonzero, nozeroprefix, pcenc, zero } from "./formats.js";
import { iban } from "./iban.js";
import { pieceoftotal, posinseqslash } from "./piece-counts.js";
import type { Linter } from "./types.js";

/**
 * The linters by dictionary name. `csum` and `csumalpha` report check-digit failures, the date and time
 * linters (`yymmd0`, `yymmdd`, `yyyymmdd`, `hhmi`, `hh`, `mi`, `ss`) date failures, all others content failures.
 */
export const LINTERS: Readonly<Record<string, Linter>> = {
  csum,
  csumalpha,
  gcppos1,
  gcppos2,
  yymmd0,
  yymmdd,
  yyyymmdd,
  hhmi,
  hh,
  mi,
  ss,
  iso3166,
  iso3166999,
  iso3166alpha2,
  iso4217,
  iso5218,
  mediatype,
  packagetype,
  yesno,
  winding,
  iban,
  hyphen,
  zero,
  nonzero,
  nozeroprefix,
  hasnondigit,
  importeridx,
  pcenc,
  latitude,
  longitude,
  pieceoftotal,
  posinseqslash,
  couponcode,
  couponposoffer,
};
