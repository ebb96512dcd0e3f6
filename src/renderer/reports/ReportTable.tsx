/**
 * The frame every table of the report shares: the dense table's look, its scroll wrapper, a caption
 * and the column heads. Figures are right-aligned (`num`), names are not; the rows are the caller's.
 */
import type { ReactNode } from 'react';

/** A column head: its words, or its words and whether the column holds figures. */
export type Column = string | { label: ReactNode; num?: boolean };

interface ReportTableProps {
  testId: string;
  columns: Column[];
  caption?: string;
  /** Classes added to the table (`report-table--narrow`) and to its scroll wrapper. */
  className?: string;
  wrapClassName?: string;
  captionClassName?: string;
  children: ReactNode;
}

export function ReportTable({ testId, columns, caption, className, wrapClassName, captionClassName, children }: ReportTableProps) {
  return (
    <div className={wrapClassName ? `table-wrap ${wrapClassName}` : 'table-wrap'}>
      <table className={className ? `table table--dense report-table ${className}` : 'table table--dense report-table'} data-testid={testId}>
        {caption && <caption className={captionClassName}>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column, i) =>
              typeof column === 'string' ? (
                <th key={i} scope="col">
                  {column}
                </th>
              ) : (
                <th key={i} scope="col" className={column.num ? 'num' : undefined}>
                  {column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        {children}
      </table>
    </div>
  );
}

/** A column of figures. */
export function num(label: string): Column {
  return { label, num: true };
}
