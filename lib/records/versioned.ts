import type { PrismaClient } from "@/lib/db/client.server";
import type { Prisma } from "@/lib/generated/prisma/client";

export type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** A stored record as the admin sees it: its columns, as the database returns them. */
export type StoredRecord = { id: string; version: number } & Record<string, unknown>;

/** The calls every editable record's table answers, whatever its columns. */
type VersionedTable = {
  findUnique(args: { where: { id: string }; include?: object }): PromiseLike<unknown>;
  create(args: { data: object }): PromiseLike<unknown>;
  updateMany(args: { where: { id: string; version: number }; data: object }): PromiseLike<{ count: number }>;
  deleteMany(args: { where: { id: string; version: number } }): PromiseLike<{ count: number }>;
  count(): PromiseLike<number>;
  findMany(args: { orderBy: { id: "asc" } }): PromiseLike<unknown[]>;
};

/** What the table's `create` takes, so that a record type's data is checked against its columns. */
type CreateData<Table> = Prisma.Args<Table, "create"> extends { data: infer Data } ? Data : never;

/** Every name `create` knows, in any of its forms (with references by id, or as relations). */
type ColumnOf<Data> = Data extends unknown ? keyof Data : never;

/**
 * How a record is found, created, changed and deleted. A change or a delete names the version
 * the editor opened, and writes only while the stored record is still at it.
 */
export type VersionedStore<Data, Column extends PropertyKey = keyof Data> = {
  find: (tx: Transaction, id: string) => Promise<StoredRecord | null>;
  create: (tx: Transaction, data: Data, id?: string) => Promise<StoredRecord>;
  /** Writes only when the stored version is still `version`; returns how many rows changed. */
  update: (tx: Transaction, id: string, version: number, data: Data) => Promise<number>;
  remove: (tx: Transaction, id: string, version: number) => Promise<number>;
  count: (tx: Transaction) => Promise<number>;
  /** Every stored record, by id: for checks over the whole record (`npm run db:check-text`). */
  all: (tx: Transaction) => Promise<StoredRecord[]>;
  /**
   * For the type checker only: a record type whose data names a column the table lacks (a
   * misspelt field) does not take this store, as a missing column already does not.
   */
  writes?: (column: Column) => void;
};

/**
 * The store of one table. `include` adds what a record's snapshot must keep besides its own
 * columns (a figure's conflict pairs, which vanish with it).
 */
export function versionedTable<Table extends VersionedTable>(
  table: (tx: Transaction) => Table,
  options: { include?: object } = {},
): VersionedStore<CreateData<Table>, ColumnOf<CreateData<Table>>> {
  return {
    find: async (tx, id) => (await table(tx).findUnique({ where: { id }, ...options })) as StoredRecord | null,
    create: async (tx, data, id) => (await table(tx).create({ data: { ...(data as object), id } })) as StoredRecord,
    update: async (tx, id, version, data) =>
      (await table(tx).updateMany({ where: { id, version }, data: { ...(data as object), version: { increment: 1 } } }))
        .count,
    remove: async (tx, id, version) => (await table(tx).deleteMany({ where: { id, version } })).count,
    count: async (tx) => table(tx).count(),
    all: async (tx) => (await table(tx).findMany({ orderBy: { id: "asc" } })) as StoredRecord[],
  };
}
