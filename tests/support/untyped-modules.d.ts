/**
 * The parts the tests use of libraries that ship no types: citation.js (which reads citations
 * back) and the Frictionless Data Package and Table Schema libraries (which check the package).
 */

declare module "@citation-js/core" {
  export type CslData = Record<string, unknown> & {
    title?: string;
    author?: { literal?: string; family?: string; given?: string }[];
    issued?: { "date-parts"?: number[][] };
    accessed?: { "date-parts"?: number[][] };
    URL?: string;
    type?: string;
    version?: string;
    note?: string;
  };
  export class Cite {
    static async(data: unknown, options?: { forceType?: string }): Promise<Cite>;
    data: CslData[];
    format(format: string, options?: Record<string, unknown>): string;
  }
}
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-ris";
declare module "@citation-js/plugin-csl";

declare module "datapackage" {
  export function validate(descriptor: unknown): Promise<{ valid: boolean; errors: Error[] }>;
}

declare module "tableschema" {
  export class Table {
    static load(source: unknown, options: { schema: unknown; headers?: number }): Promise<Table>;
    headers: string[];
    read(options?: { keyed?: boolean; cast?: boolean }): Promise<Record<string, unknown>[]>;
  }
}
