// One batch, start to end: POST it, then make the outbox say what the receiver said. An event leaves `pending`
// only on a 2xx for a document that contained it (or a 409 for it alone: it already exists there). A refused
// batch is split in halves until the refused events stand alone, so one bad event costs its own dead letter and
// about log2(batch) extra requests, and never takes its 99 neighbours with it. A 401/403 is about the token, not
// the events: the batch goes to the dead letters whole, unsplit.
import type { CaptureReply, PostCapture } from "./capture-client.js";
import { epcisDocumentText } from "./epcis-event.js";
import type { DeadLetter, OutboxDb, PendingEvent } from "./outbox-db.js";
import type { RouteTarget } from "./routing.js";

/** What happened to a batch. */
export type BatchOutcome =
  | { readonly kind: "done"; readonly delivered: number; readonly deadLettered: number }
  /** A temporary failure stopped it; `rows` were not delivered (earlier halves may have been). */
  | {
      readonly kind: "retry";
      readonly reply: Extract<CaptureReply, { kind: "retry" }>;
      readonly rows: readonly PendingEvent[];
      readonly delivered: number;
      readonly deadLettered: number;
    };

/** What a batch needs from the outbox. */
export interface BatchContext {
  readonly db: OutboxDb;
  readonly post: PostCapture;
  readonly nowMs: () => number;
}

/** Delivers `rows` to `target`, splitting refused batches; see the file comment. */
export async function deliverBatch(
  context: BatchContext,
  target: RouteTarget,
  rows: readonly PendingEvent[],
): Promise<BatchOutcome> {
  const nowMs = context.nowMs();
  const reply = await context.post(
    target,
    epcisDocumentText(
      rows.map((row) => row.json),
      new Date(nowMs).toISOString(),
    ),
    nowMs,
  );
  if (reply.kind === "retry") return { kind: "retry", reply, rows, delivered: 0, deadLettered: 0 };
  const alone = rows.length === 1;
  if (reply.kind === "accepted" || (reply.kind === "conflict" && alone)) {
    await context.db.pending.bulkDelete(rows.map((row) => row.eventId));
    return { kind: "done", delivered: rows.length, deadLettered: 0 };
  }
  const status = reply.error.status ?? 0;
  if (reply.kind === "rejected" && (alone || status === 401 || status === 403)) {
    await deadLetter(context, rows, reply, nowMs);
    return { kind: "done", delivered: 0, deadLettered: rows.length };
  }
  const half = Math.ceil(rows.length / 2);
  const first = await deliverBatch(context, target, rows.slice(0, half));
  if (first.kind === "retry") return { ...first, rows: [...first.rows, ...rows.slice(half)] };
  const second = await deliverBatch(context, target, rows.slice(half));
  return {
    ...second,
    delivered: first.delivered + second.delivered,
    deadLettered: first.deadLettered + second.deadLettered,
  };
}

async function deadLetter(
  context: BatchContext,
  rows: readonly PendingEvent[],
  reply: Extract<CaptureReply, { kind: "rejected" }>,
  failedAtMs: number,
): Promise<void> {
  const { db } = context;
  const letters: DeadLetter[] = rows.map((row) => ({
    eventId: row.eventId,
    saleId: row.saleId,
    route: row.route,
    createdAtMs: row.createdAtMs,
    attempts: row.attempts + 1,
    failedAtMs,
    status: reply.error.status ?? 0,
    code: "RECEIVER_REJECTED",
    reason: reply.error.message,
    bodyExcerpt: reply.bodyExcerpt,
    json: row.json,
  }));
  // One transaction: an event is in exactly one of the two tables, whatever happens to the process.
  await db.transaction("rw", db.pending, db.deadLetters, async () => {
    await db.deadLetters.bulkPut(letters);
    await db.pending.bulkDelete(rows.map((row) => row.eventId));
  });
}

/** Counts a failed attempt on each row and moves it behind the rows not yet tried (paging order). */
export async function markAttempted(
  db: OutboxDb,
  rows: readonly PendingEvent[],
  nextAttemptAtMs: number,
): Promise<void> {
  // Read back inside the transaction and put only rows still there: a row another tab delivered meanwhile must
  // stay deleted, not come back. (bulkGet/bulkPut by key: a keyed `modify` walks a cursor, far slower on big tables.)
  await db.transaction("rw", db.pending, async () => {
    const current = await db.pending.bulkGet(rows.map((row) => row.eventId));
    await db.pending.bulkPut(
      current.flatMap((row) => (row ? [{ ...row, attempts: row.attempts + 1, nextAttemptAtMs }] : [])),
    );
  });
}
