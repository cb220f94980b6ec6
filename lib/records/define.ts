import { z } from "zod";
import type { Role } from "@/lib/auth/sessions.server";
import type { PrismaClient } from "@/lib/db/client.server";
import type { FieldErrors } from "@/lib/validation/fields";
import { NO_OPTIONS, type FieldOption, type FormOptions } from "./form-options";
import type { Transaction, VersionedStore } from "./versioned";
import { unusedId } from "./readable-id";

/**
 * How an editable record type is declared (lib/records/figure.ts and its neighbours): each
 * field once, with its rule and its label, and from those the schema, the admin's form, a new
 * record's blank values, its diff and its revert. A record type says only what is its own.
 */

/** What a record's form shows, field by field: text, as typed. */
export type FormValues = Record<string, string>;

/** One field of a record: the rule its value must pass, and how the admin's form shows it. */
export type Field<Schema extends z.ZodType = z.ZodType> = {
  schema: Schema;
  label: string;
  hint?: string;
  /** A choice from a list: fixed, or made from the other records in the database. */
  options?: FieldOption[] | ((lists: FormOptions) => FieldOption[]);
  /** What a new record's form starts with; also what a snapshot without the field restores. */
  initial?: string;
  /** Several of the options at once, kept in the order chosen (ids joined by commas). */
  multiple?: boolean;
  /**
   * Not edited in the form, which sends it back as it is; changed by an action of its own (a chart's
   * Publish button), and still a field, so that its changes are in the history and revert.
   */
  hidden?: boolean;
};

export function field<Schema extends z.ZodType>(schema: Schema, form: Omit<Field, "schema">): Field<Schema> {
  return { ...form, schema };
}

export type Fields = Record<string, Field>;

type ShapeOf<F extends Fields> = { [Name in keyof F]: F[Name]["schema"] };

/** The fields' rules as one object, in the fields' order. */
export function objectOf<F extends Fields>(fields: F): z.ZodObject<ShapeOf<F>> {
  const shape = Object.fromEntries(Object.entries(fields).map(([name, declared]) => [name, declared.schema]));
  return z.object(shape) as z.ZodObject<ShapeOf<F>>;
}

/** One field of an admin form, as plain data the server page hands to the form in the browser. */
export type FieldSpec = {
  name: string;
  label: string;
  kind: "text" | "textarea" | "select" | "choices" | "hidden";
  required: boolean;
  hint?: string;
  options?: FieldOption[];
  /** The longest text the schema accepts, so the browser stops there too. */
  maxLength?: number;
};

type JsonProperty = { maxLength?: number; multiline?: boolean; anyOf?: JsonProperty[] };

/**
 * Whether the schema requires each field, how long its text may be and whether it has several lines, read from the schema's
 * own rules (its JSON Schema, on the input side), so that no limit is written twice.
 */
function limitsOf(schema: z.ZodType): (name: string) => { required: boolean; maxLength?: number; multiline: boolean } {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, JsonProperty>;
    required?: string[];
  };
  return (name) => {
    const property = json.properties?.[name];
    const maxLength = property?.maxLength ?? property?.anyOf?.find((one) => one.maxLength !== undefined)?.maxLength;
    const multiline = Boolean(property?.multiline ?? property?.anyOf?.some((one) => one.multiline));
    return {
      required: json.required?.includes(name) ?? false,
      multiline,
      ...(maxLength === undefined ? {} : { maxLength }),
    };
  };
}

function specOf(name: string, declared: Field, limits: ReturnType<typeof limitsOf>, lists: FormOptions): FieldSpec {
  const { required, maxLength, multiline } = limits(name);
  const options = typeof declared.options === "function" ? declared.options(lists) : declared.options;
  return {
    name,
    label: declared.label,
    kind: declared.hidden
      ? "hidden"
      : options
        ? declared.multiple
          ? "choices"
          : "select"
        : multiline
          ? "textarea"
          : "text",
    required,
    ...(declared.hint ? { hint: declared.hint } : {}),
    ...(options ? { options } : maxLength === undefined ? {} : { maxLength }),
  };
}

/** The form's fields for `schema`, whose object holds `fields`. */
export function fieldSpecs(fields: Fields, schema: z.ZodType, lists: FormOptions): FieldSpec[] {
  const limits = limitsOf(schema);
  return Object.entries(fields).map(([name, declared]) => specOf(name, declared, limits, lists));
}

/** One field of a form for `schema`, a field without a list to choose from. */
export function fieldSpec(name: string, declared: Field, schema: z.ZodType): FieldSpec {
  return specOf(name, declared, limitsOf(schema), NO_OPTIONS);
}

/** One line of an admin list: what the record is, and enough to tell it from its neighbours. */
export type RecordListItem = { id: string; title: string; detail: string; updatedAt: string };

/**
 * Several choices, as the form sends them (a checkbox list repeats its name; lib/auth/guard.server.ts
 * joins the values with commas) and as a table keeps them: ids in the order chosen, once each;
 * ids of `allowed` when given.
 */
export function choiceList(what: string, allowed?: readonly string[]) {
  return chosenFrom(z.string().max(4000, `Too many ${what} chosen.`).nullish(), what, allowed);
}

/** As choiceList, over text already checked (`required`: a list where at least one is chosen). */
export function chosenFrom(text: z.ZodType<string | null | undefined>, what: string, allowed?: readonly string[]) {
  return text
    .transform((value) => [...new Set((value ?? "").split(",").map((part) => part.trim()))].filter(Boolean))
    .refine(
      (ids) => ids.every((id) => (allowed ? allowed.includes(id) : /^[a-z0-9][a-z0-9-]{0,119}$/.test(id))),
      `Choose ${what} from the list.`,
    )
    .transform((ids) => ids.join(","));
}

/** The list filter's choices: a fixed list, or records read when the list is shown (agency kinds). */
export type ListChoices = Record<string, string> | ((db: PrismaClient) => Promise<Record<string, string>>);

/** `q`: words to find; `kind`: one of the list filter's choices. Both already checked. */
export type ListFilter = { q?: string; kind?: string };

export const LIST_SIZE = 200;

/** The longest search an admin list takes. */
export const SEARCH_LENGTH = 100;

/** A where-clause finding `q` in any of `columns` (and in `more`), or no condition without `q`. */
export function searchIn(q: string | undefined, columns: string[], more: object[] = []) {
  return q ? { OR: [...columns.map((column) => ({ [column]: { contains: q } })), ...more] } : {};
}

/** A line of the admin's overview: how many records, and the list that shows them. */
export type OverviewRow = { label: string; count: number; query?: string };

type Declaration<F extends Fields, Schema extends z.ZodType, Data> = {
  /** As an editor reads it in a message: "This figure no longer exists". */
  noun: string;
  /** As the admin's menu names its list. */
  plural: string;
  /** The admin's list of these records; a record's own page is below it. */
  path: string;
  /** The form's fields, in the order the form and a change's diff show them. */
  fields: F;
  /** The form's values checked as one record: objectOf(fields), with any rule across fields. */
  schema: Schema;
  /**
   * versionedTable((tx) => tx.ruling): the type checker holds the data against the table's
   * columns, so a field the table lacks, or a required column no field fills, does not compile.
   */
  store: VersionedStore<NoInfer<Data>>;
  /** The columns to write, when they are not the checked values themselves. */
  toData?: (input: z.output<Schema>) => Data;
  /** A stored record as its form shows it, when a field is not stored as typed. */
  toFormValues?: (record: Record<string, unknown>, values: FormValues) => FormValues;
  /** A snapshot's values back as data to write (a revert), when a column is not a field. */
  fromSnapshot?: (snapshot: Record<string, unknown>, columns: Record<string, string | null>) => Data;
  /** References that must exist, and rules across records; null when all hold. `id` is absent for a new record. */
  checkReferences?: (tx: Transaction, data: Data, id?: string) => Promise<FieldErrors | null>;
  /**
   * A new record's id, in the dataset's words ("itv-2020-07-02-cash"): the candidates, most
   * readable first; lib/records/readable-id.ts picks one no record has had. Without it, an opaque id.
   */
  idFrom?: (data: Data) => string[];
  /**
   * Why the record cannot be deleted (other records still point at it, or the form does not
   * confirm what deleting it does), or null. `values` is the delete form as sent; absent for a
   * delete that is itself the confirmation (reverting the record's creation, with a reason).
   */
  deleteBlockers?: (tx: Transaction, id: string, values?: Record<string, unknown>) => Promise<string | null>;
  /**
   * After a deleted record comes back: the links to other records that went with it (and are
   * kept in its snapshot by the store's `include`), put back where the other side still exists.
   */
  restoreLinks?: (tx: Transaction, id: string, snapshot: Record<string, unknown>) => Promise<void>;
  /**
   * Who may add, change, delete or revert it: any editor, or only an admin (the vocabulary the
   * other records are described in: metrics, areas, agency kinds). Any editor may read it.
   */
  role?: Role;
  list: {
    /** The one filter the admin's list offers, if any: over one of the record's lists. */
    filter?: { label: string; choices: ListChoices };
    find: (db: PrismaClient, filter: ListFilter) => Promise<RecordListItem[]>;
  };
  /** The overview's lines for this type; by default one, with every record counted. */
  overview?: (db: PrismaClient) => Promise<OverviewRow[]>;
};

export type EditableRecord<Schema extends z.ZodType = z.ZodType, Data = unknown> = {
  noun: string;
  plural: string;
  path: string;
  /** The form's values checked as one record. */
  schema: Schema;
  /** The form's fields' names, in the order a diff lists them. */
  fieldNames: string[];
  /** The form's label of a field, or the field's name if the record has no such field. */
  label: (name: string) => string;
  /** Whether the schema requires a field. */
  required: (name: string) => boolean;
  formFields: (lists: FormOptions) => FieldSpec[];
  /** A new record's form starts blank, with the fixed lists at their most common choice. */
  blankValues: () => FormValues;
  store: VersionedStore<Data, never>;
  toData: (input: z.output<Schema>) => Data;
  toFormValues: (record: Record<string, unknown>) => FormValues;
  fromSnapshot: (snapshot: Record<string, unknown>) => Data;
  checkReferences: (tx: Transaction, data: Data, id?: string) => Promise<FieldErrors | null>;
  /** The id a new record gets: readable when the type says how, opaque (the database's) otherwise. */
  newId: (tx: Transaction, data: Data) => Promise<string | undefined>;
  deleteBlockers: (tx: Transaction, id: string, values?: Record<string, unknown>) => Promise<string | null>;
  restoreLinks?: (tx: Transaction, id: string, snapshot: Record<string, unknown>) => Promise<void>;
  role: Role;
  list: Declaration<Fields, z.ZodType, Data>["list"];
  overview: (db: PrismaClient) => Promise<OverviewRow[]>;
};

/** A stored value as a form shows it: text, empty for none. */
export const asText = (value: unknown): string => (value === null || value === undefined ? "" : String(value));
const orNull = (value: unknown): string | null =>
  value === null || value === undefined || value === "" ? null : String(value);

export function defineRecord<F extends Fields, Schema extends z.ZodType, Data = z.output<Schema>>(
  declared: Declaration<F, Schema, Data>,
): EditableRecord<Schema, Data> & { fields: F } {
  const fields: Fields = declared.fields;
  const fieldNames = Object.keys(fields);
  let limits: ReturnType<typeof limitsOf> | undefined;
  const required = (name: string) => (limits ??= limitsOf(declared.schema))(name).required;
  const formValues = (record: Record<string, unknown>): FormValues =>
    Object.fromEntries(fieldNames.map((name) => [name, asText(record[name])]));
  // A required column never goes back empty: an old snapshot without it gets the field's first value.
  const columns = (snapshot: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(fields).map(([name, { initial }]) => {
        const value = orNull(snapshot[name]);
        return [name, required(name) ? (value ?? initial ?? "") : value];
      }),
    );
  const { toData, toFormValues, fromSnapshot, overview } = declared;
  return {
    ...declared,
    fieldNames,
    required,
    label: (name) => (Object.hasOwn(fields, name) ? (fields[name]?.label ?? name) : name),
    formFields: (lists) => fieldSpecs(declared.fields, declared.schema, lists),
    blankValues: () => Object.fromEntries(Object.entries(fields).map(([name, { initial }]) => [name, initial ?? ""])),
    toData: toData ?? ((input) => input as Data),
    toFormValues: toFormValues ? (record) => toFormValues(record, formValues(record)) : formValues,
    fromSnapshot: (snapshot) =>
      fromSnapshot ? fromSnapshot(snapshot, columns(snapshot)) : (columns(snapshot) as Data),
    checkReferences: declared.checkReferences ?? (async () => null),
    newId: async (tx, data) =>
      declared.idFrom
        ? unusedId(tx, declared.noun, declared.idFrom(data), async (id) => (await declared.store.find(tx, id)) !== null)
        : undefined,
    deleteBlockers: declared.deleteBlockers ?? (async () => null),
    role: declared.role ?? "editor",
    overview: overview ?? (async (db) => [{ label: declared.plural, count: await declared.store.count(db) }]),
  };
}
