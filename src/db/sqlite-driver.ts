// Kysely's driver for the hub's SQLite file, written for several processes on one file and for
// requests that must not wait for each other:
// - Every transaction takes the write lock first (BEGIN IMMEDIATE). Kysely's own driver opens
//   deferred transactions, which read under a shared lock and then fail at their first write with
//   SQLITE_BUSY(_SNAPSHOT) when another process wrote meanwhile; the busy timeout cannot help them.
// - Waiting for another process's write lock never blocks the event loop: the writer connection
//   has busy_timeout 0 and a busy write is retried on a timer, for as long as the database makes
//   progress (another process committing), and gives up (SQLITE_BUSY, answered 503) when one
//   transaction holds the lock for the busy timeout (a `sqlite3` shell's BEGIN IMMEDIATE).
// - Reads outside a transaction use a second, read-only connection: under WAL they see what is
//   committed and never wait for a write. (An in-memory database has one connection, so there
//   every query takes turns, as a transaction's uncommitted rows must stay unseen.)
// - WAL checkpoints run in a worker thread, not inside a request's COMMIT (sqlite-checkpointer.ts).
// - Prepared statements are kept per connection by their SQL text: preparing was 8 % of a feed.
// - Rows are read as arrays and made into objects here: better-sqlite3 builds each row object key
//   by key in C++, which took twice as long (1,000 webinars of 23 columns: 16 ms against 8 ms).
// - Group commit: a transaction that ends while others wait for the writer leaves its work in a
//   savepoint of one open transaction and hands the writer on; the last one (or the one that
//   reaches the group's size or age limit) commits for all. Every member's commit resolves only
//   after that COMMIT, so nothing is acknowledged before it is on disk, and a failed COMMIT fails
//   every member. A COMMIT writes each changed page once per group instead of once per
//   transaction: in a registration rush that is most of the cost of a commit.
import SQLite from 'better-sqlite3';
import { CompiledQuery, SelectQueryNode, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';
import { startCheckpointer, type Checkpointer } from './sqlite-checkpointer.js';

/** How long one transaction may hold the write lock while we wait for it (5 s, as SQLite's usual busy timeout). */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;
/** However much progress others make, a write waits at most this long in all. */
export const LONGEST_WRITE_WAIT_MS = 6 * SQLITE_BUSY_TIMEOUT_MS;
const STATEMENT_CACHE_SIZE = 1000;
/** A group commits once it holds this many transactions, or is this old, even while others wait. */
const GROUP_MAX_MEMBERS = 64;
const GROUP_MAX_MS = 25;

type Statement = SQLite.Statement<unknown[], unknown> & {
  /** For a statement that returns rows and is read raw: turns one row's values into its object. */
  rowOf?: RowMaker;
};

type RowMaker = (values: unknown[]) => Record<string, unknown>;

class StatementCache {
  private readonly statements = new Map<string, Statement>();
  constructor(readonly sqlite: SQLite.Database) {}

  get(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = prepare(this.sqlite, sql);
      // Oldest first out: a Map iterates in insertion order.
      if (this.statements.size >= STATEMENT_CACHE_SIZE) this.statements.delete(this.statements.keys().next().value!);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

function prepare(sqlite: SQLite.Database, sql: string): Statement {
  const statement: Statement = sqlite.prepare(sql);
  if (!statement.reader) return statement;
  const columnNames = statement.columns().map((column) => column.name);
  // Objects built here must have the keys better-sqlite3 would give; "__proto__" would not be a key.
  if (columnNames.includes('__proto__')) return statement;
  statement.raw(true);
  statement.rowOf = rowMaker(columnNames);
  return statement;
}

/**
 * A function that builds a row's object with one object literal, keys in column order (a repeated
 * name keeps its first place and last value, as better-sqlite3 does). V8 creates a literal with a
 * known shape at once; adding the keys one by one to `{}` cost 2.5 µs per row of the webinar
 * table, 40 times as much, and a feed of 1,000 webinars reads 1,000 rows. The names come from
 * SQLite's description of our own statements and are written as JSON strings.
 */
function rowMaker(columnNames: readonly string[]): RowMaker {
  const properties = columnNames.map((name, column) => `${JSON.stringify(name)}: values[${column}]`);
  return new Function('values', `return { ${properties.join(', ')} };`) as RowMaker;
}

class Mutex {
  private tail: Promise<void> = Promise.resolve();
  /** How many callers wait for the lock (not counting the holder). */
  waiting = 0;
  /** Resolves with the release function once every earlier holder has released. */
  lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    this.waiting += 1;
    const acquired = this.tail.then(() => {
      this.waiting -= 1;
      return release;
    });
    this.tail = this.tail.then(() => next);
    return acquired;
  }
}

/** Transactions sharing one COMMIT (see the top of this file). */
class CommitGroup {
  members = 0;
  commitScheduled = false;
  readonly startedAt = Date.now();
  /** Set when SQLite rolled the whole transaction back itself (a full disk, an I/O error). */
  lostTo: unknown = undefined;
  readonly committed: Promise<void>;
  resolve!: () => void;
  reject!: (error: unknown) => void;
  constructor() {
    this.committed = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    // Nobody may be waiting (every member rolled back): a failure must not be an unhandled rejection.
    this.committed.catch(() => undefined);
  }
  isFull(): boolean {
    return this.members >= GROUP_MAX_MEMBERS || Date.now() - this.startedAt >= GROUP_MAX_MS;
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

function run(statement: Statement, compiled: CompiledQuery): QueryResult<unknown> {
  const parameters = compiled.parameters as unknown[];
  if (statement.rowOf) return { rows: (statement.all(...parameters) as unknown[][]).map(statement.rowOf) };
  if (statement.reader) return { rows: statement.all(...parameters) as unknown[] };
  const { changes, lastInsertRowid } = statement.run(...parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

export type HubSqlite = {
  driver: Driver;
  writer: SQLite.Database;
  reader: SQLite.Database | null;
  /** Counts this process's commits and writes outside transactions, to know when a read may be stale. */
  writes(): number;
};

export function openHubSqlite(path: string): HubSqlite {
  const writer = new SQLite(path);
  // WAL lets readers continue while a registration is written; foreign keys are off by default.
  writer.pragma('journal_mode = WAL');
  writer.pragma('synchronous = NORMAL');
  writer.pragma('foreign_keys = ON');
  writer.pragma('busy_timeout = 0');
  const separateReader = path !== ':memory:' && path !== '';
  const reader = separateReader ? new SQLite(path, { readonly: true }) : null;
  // A read waits (synchronously, briefly) only while a checkpoint or recovery holds the file.
  reader?.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  const checkpointer = separateReader ? startCheckpointer(writer, path) : null;
  const driver = new HubSqliteDriver(writer, reader, checkpointer);
  return { driver, writer, reader, writes: () => driver.writes };
}

class HubSqliteConnection implements DatabaseConnection {
  /** Set while this connection runs a transaction: it then holds the writer and every query goes there. */
  release: (() => void) | null = null;
  /** The commit group the running transaction belongs to. */
  group: CommitGroup | null = null;
  constructor(private readonly driver: HubSqliteDriver) {}

  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    return this.driver.execute(this, compiled) as Promise<QueryResult<R>>;
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiled.query)) throw new Error('Only select queries can be streamed from SQLite');
    // Materialised first: an iterator left open would hold the statement (and, in a transaction,
    // the writer) for as long as the consumer takes.
    const result = await this.executeQuery<R>(compiled);
    for (const row of result.rows) yield { rows: [row] };
  }
}

class HubSqliteDriver implements Driver {
  /** Moves after every commit and every write outside a transaction. */
  writes = 0;
  private readonly writeStatements: StatementCache;
  private readonly reads: StatementCache | null;
  private readonly writerLock = new Mutex();
  /** The open transaction that members leave their work in; null between groups. */
  private group: CommitGroup | null = null;

  constructor(
    writer: SQLite.Database,
    reader: SQLite.Database | null,
    private readonly checkpointer: Checkpointer | null,
  ) {
    this.writeStatements = new StatementCache(writer);
    this.reads = reader ? new StatementCache(reader) : null;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new HubSqliteConnection(this);
  }

  async execute(connection: HubSqliteConnection, compiled: CompiledQuery): Promise<QueryResult<unknown>> {
    if (connection.release) return this.runInGroup(connection.group!, compiled);
    if (this.reads) {
      const statement = this.reads.get(compiled.sql);
      if (statement.readonly) return run(statement, compiled);
    }
    // A write outside a transaction, or any query on a one-connection database: one at a time on
    // the writer, never inside someone else's open transaction.
    const release = await this.writerLock.lock();
    try {
      // Not part of any group: what the group did is committed first.
      if (this.group) this.commitGroup(this.group);
      const statement = this.writeStatements.get(compiled.sql);
      if (statement.readonly) return run(statement, compiled);
      const result = await this.whenWritable(() => run(statement, compiled));
      this.writes += 1;
      return result;
    } finally {
      release();
    }
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const own = connection as HubSqliteConnection;
    const release = await this.writerLock.lock();
    try {
      if (!this.group) {
        await this.whenWritable(() => this.writeStatements.get('begin immediate').run());
        this.group = new CommitGroup();
      }
      this.writeStatements.get('savepoint hub_member').run();
      own.release = release;
      own.group = this.group;
    } catch (error) {
      if (this.group && this.group.members === 0 && this.writeStatements.sqlite.inTransaction) this.rollbackGroup(this.group);
      release();
      throw error;
    }
  }

  private runInGroup(group: CommitGroup, compiled: CompiledQuery): QueryResult<unknown> {
    try {
      return run(this.writeStatements.get(compiled.sql), compiled);
    } catch (error) {
      // SQLite ended the whole transaction: the group's earlier members are lost with it.
      if (!this.writeStatements.sqlite.inTransaction) group.lostTo ??= error;
      throw error;
    }
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.end(connection as HubSqliteConnection, 'commit');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.end(connection as HubSqliteConnection, 'rollback');
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint "${name.replace(/"/g, '""')}"`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to "${name.replace(/"/g, '""')}"`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release "${name.replace(/"/g, '""')}"`));
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    await this.checkpointer?.close();
    this.reads?.sqlite.close();
    this.writeStatements.sqlite.close();
  }

  /**
   * A member's COMMIT releases its savepoint and either hands the writer to the next transaction
   * waiting (and resolves when the group commits) or commits the group. A member's ROLLBACK undoes
   * only its savepoint.
   *
   * After SQLITE_FULL (and SQLITE_IOERR, SQLITE_NOMEM) SQLite may have rolled the whole transaction
   * back itself: then every member of the group fails with that error, and no ROLLBACK is run (it
   * would fail with "no transaction is active" and hide the real error). A failed COMMIT is rolled
   * back here, while the writer is still held, and reported as itself.
   */
  private async end(connection: HubSqliteConnection, how: 'commit' | 'rollback'): Promise<void> {
    const release = connection.release;
    const group = connection.group;
    // Already ended: the rollback Kysely asks for after a COMMIT failed.
    if (release === null || group === null) return;
    connection.release = null;
    connection.group = null;
    const sqlite = this.writeStatements.sqlite;
    if (!sqlite.inTransaction) {
      this.loseGroup(group);
      release();
      if (how === 'commit') throw group.lostTo;
      return;
    }
    try {
      if (how === 'commit') {
        this.writeStatements.get('release hub_member').run();
        group.members += 1;
      } else {
        this.writeStatements.get('rollback to hub_member').run();
        this.writeStatements.get('release hub_member').run();
      }
    } catch (error) {
      if (sqlite.inTransaction) {
        // This member's work must not be committed with the others'.
        this.runQuietly('rollback to hub_member');
        this.runQuietly('release hub_member');
      } else {
        group.lostTo ??= error;
      }
      if (group.members === 0) this.rollbackGroup(group);
      else this.commitGroup(group);
      release();
      throw error;
    }
    if (group.isFull()) {
      if (group.members === 0) this.rollbackGroup(group);
      else this.commitGroup(group);
    } else if (this.writerLock.waiting === 0) {
      // Requests that arrived meanwhile are read in the event loop's next turn: let them join.
      this.commitSoon(group);
    }
    release();
    if (how === 'commit') await group.committed;
  }

  /** Commits the group after the next turn of the event loop, once no member is running. */
  private commitSoon(group: CommitGroup): void {
    if (group.commitScheduled) return;
    group.commitScheduled = true;
    setImmediate(() => {
      void this.writerLock.lock().then((release) => {
        if (this.group === group) {
          if (group.members === 0) this.rollbackGroup(group);
          else this.commitGroup(group);
        }
        release();
      });
    });
  }

  /** Commits the group's transaction, settling every member's commit. */
  private commitGroup(group: CommitGroup): void {
    if (this.group === group) this.group = null;
    const sqlite = this.writeStatements.sqlite;
    if (!sqlite.inTransaction) {
      this.loseGroup(group);
      return;
    }
    try {
      this.writeStatements.get('commit').run();
      group.resolve();
    } catch (error) {
      if (sqlite.inTransaction) this.runQuietly('rollback');
      group.reject(error);
    } finally {
      this.writes += 1;
    }
  }

  /** Ends a group that nobody committed into (every member rolled back). */
  private rollbackGroup(group: CommitGroup): void {
    if (this.group === group) this.group = null;
    this.runQuietly('rollback');
    group.resolve();
  }

  /** SQLite rolled the group's transaction back itself. */
  private loseGroup(group: CommitGroup): void {
    if (this.group === group) this.group = null;
    group.lostTo ??= new Error('SQLite rolled the transaction back');
    group.reject(group.lostTo);
    this.writes += 1;
  }

  private runQuietly(statement: string): void {
    try {
      this.writeStatements.get(statement).run();
    } catch {
      // The error that ended the transaction is the one to report.
    }
  }

  /**
   * Runs a write, retrying while another process holds the write lock and the database makes
   * progress meanwhile (its data_version moves when another connection commits).
   */
  private async whenWritable<T>(write: () => T): Promise<T> {
    const started = Date.now();
    let progressAt = started;
    let seen: unknown;
    for (let pause = 1; ; pause = Math.min(pause * 2, 10)) {
      try {
        return write();
      } catch (error) {
        if (!isBusy(error)) throw error;
        const now = Date.now();
        const version = this.writeStatements.sqlite.pragma('data_version', { simple: true });
        if (seen !== undefined && version !== seen) progressAt = now;
        seen = version;
        if (now - progressAt >= SQLITE_BUSY_TIMEOUT_MS || now - started >= LONGEST_WRITE_WAIT_MS) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, pause + Math.random() * 2));
    }
  }
}
