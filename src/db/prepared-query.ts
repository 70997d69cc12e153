// Queries on the hottest write path (a registration runs eleven) built and compiled by Kysely once
// instead of on every call. Building a query and compiling it to SQL cost more CPU than SQLite took
// to run most of them: about a fifth of a registration's time went to Kysely.
//
// A prepared query is written with Kysely's builder as usual, but its values come from a `params`
// object. The first call builds the query with a stand-in for each value and compiles it; every
// call after that puts its own values where the stand-ins were in the compiled parameters, and runs
// the same SQL. SQL differs between SQLite and PostgreSQL, and with the values' shape (which
// columns an insert names, how many items an `in (...)` list has), so one compiled query is kept
// per database dialect and shape. The build function must give the same SQL for the same shape:
// it may look at which params are there and how long lists are, never at their values.
import type { Compilable, CompiledQuery, DialectAdapter, QueryResult } from 'kysely';
import type { Db } from './connection.js';

type Value = string | number | bigint | boolean | null | Uint8Array;

/** The values of one call: single values, or lists of them (each item is a value of its own). An undefined param is left out. */
export type QueryParams = { readonly [name: string]: Value | readonly Value[] | undefined };

export type PreparedQuery<P extends QueryParams, R> = (db: Db, params: P) => Promise<QueryResult<R>>;

/** Stands for one param (or one item of a list param) while the query is built and compiled. */
class Placeholder {
  constructor(
    readonly name: string,
    readonly item: number | null,
  ) {}
}

/** Where each compiled parameter comes from: a param, an item of a list param, or a value the build wrote itself. */
type Slot = { name: string; item: number | null } | { fixed: unknown };
type Template = { compiled: CompiledQuery; slots: Slot[] };

/** Compiled queries kept per prepared query and dialect. */
const SHAPES_KEPT = 16;

export function preparedQuery<P extends QueryParams, R>(build: (db: Db, params: P) => Compilable<R>): PreparedQuery<P, R> {
  const templates = new WeakMap<DialectAdapter, Map<string, Template>>();
  return async (db, params) => {
    const executor = db.getExecutor();
    // A plugin (withPlugin, withSchema) changes the SQL but not the adapter: such a db gets the query built afresh.
    if (executor.plugins.length > 0) return db.executeQuery(build(db, params));
    // The adapter is the dialect's, shared by a database and its transactions.
    const adapter = executor.adapter;
    let byShape = templates.get(adapter);
    if (!byShape) {
      byShape = new Map();
      templates.set(adapter, byShape);
    }
    const shape = shapeOf(params);
    let template = byShape.get(shape);
    if (!template) {
      template = prepare(db, params, build);
      // Lists of many lengths (1,000 webinars' ids) would keep a query per length: past the limit, compiled each time.
      if (byShape.size < SHAPES_KEPT) byShape.set(shape, template);
    }
    const parameters = template.slots.map((slot) => ('fixed' in slot ? slot.fixed : paramValue(params, slot.name, slot.item)));
    return db.executeQuery<R>({ ...template.compiled, parameters } as CompiledQuery<R>);
  };
}

/** The params' names in order, with each list's length: what the SQL may depend on. */
function shapeOf(params: QueryParams): string {
  let shape = '';
  for (const name in params) {
    const value = params[name];
    if (value === undefined) continue;
    shape += Array.isArray(value) ? `${name}[${value.length}],` : `${name},`;
  }
  return shape;
}

function prepare<P extends QueryParams, R>(db: Db, params: P, build: (db: Db, params: P) => Compilable<R>): Template {
  const standIns: Record<string, Placeholder | Placeholder[]> = {};
  for (const name in params) {
    const value = params[name];
    if (value === undefined) continue;
    standIns[name] = Array.isArray(value) ? value.map((_, item) => new Placeholder(name, item)) : new Placeholder(name, null);
  }
  const compiled = build(db, standIns as unknown as P).compile();
  const slots = compiled.parameters.map((parameter): Slot => {
    if (parameter instanceof Placeholder) return { name: parameter.name, item: parameter.item };
    // A value the build took from somewhere other than params would be fixed into every later call.
    if (parameter === undefined) throw new Error(`A prepared query has an undefined parameter: ${compiled.sql}`);
    return { fixed: parameter };
  });
  const used = new Set(slots.flatMap((slot) => ('name' in slot ? [slot.name] : [])));
  for (const name of Object.keys(standIns)) {
    if (!used.has(name)) throw new Error(`A prepared query never uses its param "${name}": ${compiled.sql}`);
  }
  return { compiled, slots };
}

function paramValue(params: QueryParams, name: string, item: number | null): unknown {
  const value = params[name];
  return item === null ? value : (value as readonly Value[])[item];
}
