import type { ReactNode } from 'react';
import table from './DataTable.module.css';

/** A column's heading; a `hidden` one (over a row's buttons) is there for screen readers only. */
export type Column = string | { label: string; hidden: true };

/**
 * A table of records with a heading per column and, when given, a caption for screen readers (the
 * page's heading says it for everyone else); `children` are its rows.
 */
export function DataTable({
  caption,
  columns,
  className = table.table,
  children,
}: {
  caption?: string;
  columns: Column[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <table className={className}>
      {caption && <caption className="visually-hidden">{caption}</caption>}
      <thead>
        <tr>
          {columns.map((column, i) =>
            typeof column === 'string' ? (
              <th key={i} scope="col">
                {column}
              </th>
            ) : (
              <th key={i} scope="col">
                <span className="visually-hidden">{column.label}</span>
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
