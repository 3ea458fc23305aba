// Reading and re-queuing the dead letters. Both page through the table, so a till with many refused events never
// holds them all in memory at once.
import type { DeadLetter, OutboxDb, PendingEvent } from "./outbox-db.js";

const PAGE = 500;

/** The oldest `limit` dead letters, by failure time. */
export function readDeadLetters(db: OutboxDb, limit: number): Promise<DeadLetter[]> {
  return db.deadLetters.orderBy("failedAtMs").limit(limit).toArray();
}

/**
 * Moves every dead letter back to pending, due now (attempt counts kept), one page per transaction: a crash
 * between pages leaves each event in exactly one table. Resolves with how many moved.
 */
export async function requeueDeadLetters(db: OutboxDb, nowMs: number): Promise<{ moved: number; routes: Set<string> }> {
  let moved = 0;
  const routes = new Set<string>();
  for (;;) {
    const page = await db.transaction("rw", db.pending, db.deadLetters, async () => {
      const letters = await db.deadLetters.limit(PAGE).toArray();
      const rows: PendingEvent[] = letters.map((letter) => ({
        eventId: letter.eventId,
        saleId: letter.saleId,
        route: letter.route,
        createdAtMs: letter.createdAtMs,
        attempts: letter.attempts,
        nextAttemptAtMs: nowMs,
        json: letter.json,
      }));
      await db.pending.bulkPut(rows);
      await db.deadLetters.bulkDelete(letters.map((letter) => letter.eventId));
      return rows;
    });
    for (const row of page) routes.add(row.route);
    moved += page.length;
    if (page.length < PAGE) return { moved, routes };
  }
}
