import type { ReactNode } from "react";

type Props = {
  caption: string;
  /** Read to screen readers only, where the heading above already says what the table shows. */
  captionHidden?: boolean;
  columns: [string, ...string[]];
  /** Each row's first cell names it: a field, or a line of an import. */
  rows: { key: string; cells: [ReactNode, ...ReactNode[]] }[];
  className?: string;
};

/**
 * What a change does, row by row: a revision's fields before and after, a conflict's values
 * theirs and yours, an import's lines and what is wrong with them.
 */
export function ChangeTable({ caption, captionHidden = false, columns, rows, className = "" }: Props) {
  return (
    <div className={`overflow-x-auto ${className}`}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className={captionHidden ? "sr-only" : "mb-2 text-left font-semibold"}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="border-b p-1">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, cells: [name, ...values] }) => (
            <tr key={key}>
              <th scope="row" className="border-b p-1 font-normal">
                {name}
              </th>
              {values.map((value, index) => (
                <td key={index} className="border-b p-1">
                  {value}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
