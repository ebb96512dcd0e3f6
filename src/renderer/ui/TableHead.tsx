/**
 * A table's header row: one column header per label and, when rows carry buttons, a last column
 * named for screen readers only (the buttons speak for themselves on screen).
 */
import type { ReactNode } from 'react';

export interface Column {
  label: ReactNode;
  className?: string;
}

export function TableHead({ columns, actions }: { columns: (Column | string)[]; actions?: string }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => {
          const column = typeof c === 'string' ? { label: c } : c;
          return (
            <th key={i} scope="col" className={column.className}>
              {column.label}
            </th>
          );
        })}
        {actions !== undefined && (
          <th scope="col" className="table-actions">
            <span className="visually-hidden">{actions}</span>
          </th>
        )}
      </tr>
    </thead>
  );
}
