import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

/**
 * PostgreSQL's catalog types that hold plain text, by type id, and the type each is reported as.
 * Prisma's migrations read the catalog (table names are of type `name`); adapter-pg 6.19 knows
 * none of these and fails with "Column type 'name' could not be deserialized" (prisma/orm#27403).
 * Our own tables use none of them, so only the CLI ever meets them.
 */
const CATALOG_TEXT_TYPES = new Map<number, number>([
  [18, 25], // "char" → text
  [19, 25], // name → text
  [1002, 1009], // "char"[] → text[]
  [1003, 1009], // name[] → text[]
]);

type Fields = { fields?: { dataTypeID: number }[] };

function asText<T>(result: T): T {
  for (const outcome of Array.isArray(result) ? (result as Fields[]) : [result as Fields]) {
    for (const field of outcome?.fields ?? [])
      field.dataTypeID = CATALOG_TEXT_TYPES.get(field.dataTypeID) ?? field.dataTypeID;
  }
  return result;
}

/** pg's client, reporting the catalog's text types as text (see CATALOG_TEXT_TYPES). */
class CatalogAsTextClient extends pg.Client {
  // pg's query() has many overloads: a promise, or a callback as the last argument.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last = args.at(-1);
    if (typeof last === "function") {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      args[args.length - 1] = (error: Error | null, result: any) => last(error, error ? result : asText(result));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return (super.query as any)(...args);
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const pending = (super.query as any)(...args);
    return pending && typeof pending.then === "function" ? pending.then(asText) : pending;
  }
}

/** How long a statement may wait for a row another transaction holds, before it gives up. */
export const LOCK_TIMEOUT_MS = 10_000;

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/**
 * Runs a migration as one query instead of adapter-pg 6.19's split at every ";", which breaks
 * on a semicolon in a comment, a string or a function body (the Revision triggers have one).
 * PostgreSQL runs a multi-statement query as one transaction, so a failed migration leaves
 * nothing half-applied.
 */
function wholeScripts(adapter: Adapter): Adapter {
  adapter.executeScript = async (script: string) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      // The adapter's own error mapping, so the CLI reports the database's message.
      (adapter as unknown as { onError(error: unknown): never }).onError(error);
    }
  };
  return adapter;
}

class VeneticPrismaPg extends PrismaPg {
  override async connect(): Promise<Adapter> {
    return wholeScripts(await super.connect());
  }

  override async connectToShadowDb(): Promise<Adapter> {
    return wholeScripts(await super.connectToShadowDb());
  }
}

/**
 * The one way to reach PostgreSQL, for the app and the Prisma CLI alike: Prisma's pg adapter
 * over a pool of `pg` connections, with the two fixes above. A statement waits at most
 * LOCK_TIMEOUT_MS for a row another transaction holds, as SQLite's busy timeout does.
 */
export function postgresAdapter(url: string): PrismaPg {
  return new VeneticPrismaPg({
    connectionString: url,
    Client: CatalogAsTextClient,
    options: `-c lock_timeout=${LOCK_TIMEOUT_MS}`,
  });
}

const PATTERN_FILTERS = ["contains", "startsWith", "endsWith"] as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * A query's arguments with every text pattern (`contains`, `startsWith`, `endsWith`) made
 * case-insensitive, as SQLite's LIKE already is: the same search finds the same records in
 * either database. The app cannot write `mode: "insensitive"` itself, since SQLite's client
 * (the type the app is written against) does not accept it. Returns a copy; dates, BigInts
 * and the like pass through untouched.
 */
export function insensitiveText<T>(args: T): T {
  if (Array.isArray(args)) return args.map(insensitiveText) as T;
  if (!isPlainObject(args)) return args;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) copy[key] = insensitiveText(value);
  if (PATTERN_FILTERS.some((filter) => typeof copy[filter] === "string") && !("mode" in copy))
    copy.mode = "insensitive";
  return copy as T;
}
