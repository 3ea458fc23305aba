// Group commit for record(): sales recorded while a commit is running wait for it and then go to IndexedDB
// together, in the next transaction. Every sale is still whole inside one transaction, and each record() resolves
// only after the transaction holding its sale committed — but a till (or a replay) recording many sales at once
// pays one commit for many instead of one each: Chromium runs read-write transactions on the same stores one
// after another, so one per sale caps out near 600 sales/s whatever the durability.
import type { OutboxDb, PendingEvent, RecordedSale } from "./outbox-db.js";

/** What record() gets back from the writer. */
export interface WriteOutcome {
  readonly sale: RecordedSale;
  /** The rows this call stored; empty when the sale id was recorded before. */
  readonly stored: readonly PendingEvent[];
}

interface Waiting {
  readonly sale: RecordedSale;
  readonly rows: readonly PendingEvent[];
  resolve(outcome: WriteOutcome): void;
  reject(error: unknown): void;
}

/** Writes sales for one open database. */
export type SaleWriter = (sale: RecordedSale, rows: readonly PendingEvent[]) => Promise<WriteOutcome>;

const MAX_GROUP = 500;

/** A group-committing writer for `db`. */
export function createSaleWriter(db: OutboxDb): SaleWriter {
  const queue: Waiting[] = [];
  let running = false;

  async function commit(group: readonly Waiting[]): Promise<Map<Waiting, WriteOutcome>> {
    return db.transaction("rw", db.sales, db.pending, async () => {
      const known = await db.sales.bulkGet(group.map((waiting) => waiting.sale.saleId));
      const outcomes = new Map<Waiting, WriteOutcome>();
      const fresh = new Map<string, WriteOutcome>();
      group.forEach((waiting, index) => {
        const earlier = known[index];
        const sameGroup = fresh.get(waiting.sale.saleId);
        if (earlier) outcomes.set(waiting, { sale: earlier, stored: [] });
        else if (sameGroup) outcomes.set(waiting, { sale: sameGroup.sale, stored: [] });
        else {
          const outcome = { sale: waiting.sale, stored: waiting.rows };
          fresh.set(waiting.sale.saleId, outcome);
          outcomes.set(waiting, outcome);
        }
      });
      const stored = [...fresh.values()];
      await db.sales.bulkAdd(stored.map((outcome) => outcome.sale));
      await db.pending.bulkAdd(stored.flatMap((outcome) => outcome.stored));
      return outcomes;
    });
  }

  async function drain(): Promise<void> {
    running = true;
    while (queue.length > 0) {
      const group = queue.splice(0, MAX_GROUP);
      try {
        const outcomes = await commit(group);
        for (const waiting of group) waiting.resolve(outcomes.get(waiting) as WriteOutcome);
      } catch (error) {
        // One sale's failure must not fail its neighbours: retry each alone, so only the bad one rejects.
        if (group.length === 1) group[0]?.reject(error);
        else
          for (const waiting of group)
            await commit([waiting]).then(
              (outcomes) => waiting.resolve(outcomes.get(waiting) as WriteOutcome),
              waiting.reject,
            );
      }
    }
    running = false;
  }

  return (sale, rows) =>
    new Promise<WriteOutcome>((resolve, reject) => {
      queue.push({ sale, rows, resolve, reject });
      if (!running) void drain();
    });
}
