// Inserts rows into one table many at a time: one INSERT statement per row costs more than the
// row itself when a catalog write adds hundreds of thousands of them.

import type Database from 'better-sqlite3';

/** Rows per INSERT statement. */
const ROWS_PER_INSERT = 100;

export class RowBatch {
  private readonly insertMany: Database.Statement;
  /** Parameters of the rows not yet inserted, row after row. */
  private pending: unknown[] = [];

  constructor(
    private readonly db: Database.Database,
    private readonly table: string,
    private readonly columns: readonly string[],
  ) {
    this.insertMany = db.prepare(this.statement(ROWS_PER_INSERT));
  }

  /** Queues one row, its values in the order of the columns. */
  add(...values: unknown[]): void {
    for (const value of values) this.pending.push(value);
    if (this.pending.length < ROWS_PER_INSERT * this.columns.length) return;
    this.insertMany.run(this.pending);
    this.pending = [];
  }

  /** Inserts the rows still queued. */
  flush(): void {
    const rows = this.pending.length / this.columns.length;
    if (rows > 0) this.db.prepare(this.statement(rows)).run(this.pending);
    this.pending = [];
  }

  private statement(rows: number): string {
    const row = `(${this.columns.map(() => '?').join(', ')})`;
    const values = new Array<string>(rows).fill(row).join(', ');
    return `INSERT INTO ${this.table} (${this.columns.join(', ')}) VALUES ${values}`;
  }
}
