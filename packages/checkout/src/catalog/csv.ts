// A small RFC 4180 reader and writer, written here instead of taking papaparse (~19 kB min+gzip) so the till's
// browser bundle stays small. Reads: quoted fields with "" escapes, commas and line breaks inside quotes, CRLF, LF
// or CR line ends, a UTF-8 byte-order mark (Excel writes one). Writes: CRLF, quotes only where needed.
import type { Result } from "@scangate/gs1";

/** A record of the file and where it started (the header is record 1). */
export interface CsvRecord {
  readonly row: number;
  readonly cells: readonly string[];
}

/** Why the text is not CSV: the record where parsing stopped. */
export interface CsvSyntaxError {
  readonly row: number;
  readonly message: string;
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/** Splits CSV text into records of cells. A trailing line break does not start an empty record. */
export function readCsv(text: string): Result<CsvRecord[], CsvSyntaxError> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let row = 1;
  let index = 0;
  const endRecord = (): void => {
    records.push({ row, cells });
    cells = [];
    row += 1;
  };
  while (index <= body.length) {
    if (index === body.length) {
      // The last record has no line break after it (or the text is empty, or ends with one: no record then).
      if (cells.length > 0) endRecord();
      break;
    }
    let cell = "";
    if (body.charCodeAt(index) === QUOTE) {
      index += 1;
      for (;;) {
        const close = body.indexOf('"', index);
        if (close === -1)
          return { ok: false, error: { row, message: `record ${row}: a quoted field is never closed` } };
        cell += body.slice(index, close);
        if (body.charCodeAt(close + 1) === QUOTE) {
          cell += '"';
          index = close + 2;
        } else {
          index = close + 1;
          break;
        }
      }
      const next = body.charCodeAt(index);
      if (index < body.length && next !== COMMA && next !== CR && next !== LF)
        return { ok: false, error: { row, message: `record ${row}: text after a closing quote` } };
    } else {
      let end = index;
      while (end < body.length) {
        const code = body.charCodeAt(end);
        if (code === COMMA || code === CR || code === LF) break;
        if (code === QUOTE)
          return { ok: false, error: { row, message: `record ${row}: a quote inside an unquoted field` } };
        end += 1;
      }
      cell = body.slice(index, end);
      index = end;
    }
    cells.push(cell);
    const separator = body.charCodeAt(index);
    if (separator === COMMA) {
      index += 1;
      if (index === body.length) cells.push("");
    } else if (separator === CR || separator === LF) {
      index += separator === CR && body.charCodeAt(index + 1) === LF ? 2 : 1;
      endRecord();
    }
  }
  return { ok: true, value: records };
}

function quoteIfNeeded(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Writes records as RFC 4180 text with CRLF line ends, a CRLF after the last record, and no byte-order mark. */
export function writeCsv(records: readonly (readonly string[])[]): string {
  return records.map((cells) => `${cells.map(quoteIfNeeded).join(",")}\r\n`).join("");
}
