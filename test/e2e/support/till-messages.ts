// The conversation between the fault suite and a till process (over Node's IPC channel).
import type { JournaledSale } from "./till.js";

/** What the suite asks a till. */
export type TillAsk =
  | { readonly type: "serve"; readonly customer: number }
  | { readonly type: "startSale" }
  | { readonly type: "startWalletPayment" }
  | { readonly type: "settle" }
  | { readonly type: "pendingUploads" }
  | { readonly type: "feedVersion" };

/** A question on the wire: numbered, so the answer finds it. */
export type TillRequest = TillAsk & { readonly id: number };

/** What a till answers, per request type. */
export interface TillReplies {
  readonly serve: { readonly blocked: number };
  readonly startSale: null;
  readonly startWalletPayment: null;
  readonly settle: readonly JournaledSale[];
  readonly pendingUploads: number;
  readonly feedVersion: number | null;
}

/** A till's messages: an answer to request `id`, or news of its own. */
export type TillMessage =
  | { readonly type: "reply"; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly type: "reply"; readonly id: number; readonly ok: false; readonly error: string }
  /** Started (after recover and resume); `resumedLines`: the lines of the open basket it found again. */
  | { readonly type: "ready"; readonly resumedLines: number }
  | { readonly type: "feedError"; readonly code: string };
