// The sale a till hands to `record(sale)`, as a zod schema (the type is inferred from it). Only what the producer
// needs survives parsing — GTIN, batch, serials, quantity, unit, when, and what the till gated: zod drops every
// other field, so a customer id or a payment reference passed by mistake never reaches an event.
import { isValidGtin } from "@scangate/gs1";
import { z } from "zod";

// GS1 AI (10) batch and AI (21) serial: 1–20 characters of GS1 CSET 82 (GenSpecs §7.11, figure 7.11-1).
const CSET82 = /^[!"%-?A-Z_a-z]{1,20}$/;

/** A GTIN-8, -12, -13 or -14 with a valid check digit (written as GTIN-14 in events). */
export const GtinSchema = z
  .string()
  .regex(/^(\d{8}|\d{12,14})$/, "8, 12, 13 or 14 digits")
  .refine(isValidGtin, "GTIN with a valid check digit");

/** What the till's gate said about a line and who let it through. Staff identity only, never the customer's. */
export const GateRecordSchema = z.object({
  /** The verdict the till showed: a `warn` (or `block`) the cashier or a supervisor overrode. */
  action: z.enum(["warn", "block"]),
  /** `true` when staff confirmed the sale despite the verdict. */
  overridden: z.boolean(),
  /** Staff id of whoever overrode (a cashier or supervisor number, not a name). */
  overriddenBy: z.string().min(1).max(64).optional(),
  /** Their role at the till, e.g. `cashier`, `supervisor`. */
  role: z.string().min(1).max(64).optional(),
  /** The till's reason code, e.g. the rule reason `NEAR_EXPIRY` or an override reason `CUSTOMER_INFORMED`. */
  reasonCode: z.string().min(1).max(64).optional(),
  /** Notices behind the verdict (`RuleNotice.id`), so the producer can tell which recall was overridden. */
  noticeIds: z.array(z.string().min(1).max(128)).max(20).optional(),
});

/** One line of a sale: one product (GTIN + batch), one ObjectEvent. */
export const SaleLineSchema = z
  .object({
    gtin: GtinSchema,
    /** AI (10). Without it the event names the GTIN class only. */
    batch: z.string().regex(CSET82, "1–20 characters of GS1 CSET 82").optional(),
    /** AI (21) of each serialised unit sold: the event lists them in `epcList` instead of a quantity. */
    serials: z.array(z.string().regex(CSET82, "1–20 characters of GS1 CSET 82")).min(1).max(1000).optional(),
    /** Units sold, or the measured amount in `uom` (e.g. 0.525 with `uom: "KGM"`). */
    quantity: z.number().positive().finite(),
    /** UN/ECE Rec 20 unit of a weighed or measured line (`KGM`, `GRM`, `LTR`, `MTR`); absent = count of units. */
    uom: z
      .string()
      .regex(/^[A-Z0-9]{2,3}$/, "a UN/ECE Rec 20 code such as KGM")
      .optional(),
    gate: GateRecordSchema.optional(),
  })
  .superRefine((line, context) => {
    if (line.uom === undefined && !Number.isInteger(line.quantity))
      context.addIssue({ code: "custom", path: ["quantity"], message: "a count of units must be a whole number" });
    if (line.serials === undefined) return;
    if (line.uom !== undefined)
      context.addIssue({ code: "custom", path: ["uom"], message: "serialised units are counted, not measured" });
    if (line.quantity !== line.serials.length)
      context.addIssue({ code: "custom", path: ["quantity"], message: "must equal the number of serials" });
    if (new Set(line.serials).size !== line.serials.length)
      context.addIssue({ code: "custom", path: ["serials"], message: "a serial appears twice" });
  });

/** A completed sale, as the till's checkout hands it over. */
export const SaleSchema = z.object({
  /** The till's unique id of the sale (receipt number); `record` stores a sale id once. */
  id: z.string().min(1).max(128),
  /** When the sale completed, epoch ms. @default the outbox clock at `record()` */
  soldAtMs: z.number().int().nonnegative().optional(),
  lines: z.array(SaleLineSchema).min(1).max(1000),
});

/** A completed sale (input of `record`). */
export type Sale = z.input<typeof SaleSchema>;
/** A sale after parsing: only the fields the events carry. */
export type ParsedSale = z.output<typeof SaleSchema>;
/** One sale line. */
export type SaleLine = z.input<typeof SaleLineSchema>;
/** What the till gated on a line. */
export type GateRecord = z.input<typeof GateRecordSchema>;
