/** A form's own action: the primary button, on Enter, busy while the submit is being sent. */
import type { ReactNode } from 'react';
import { Button } from './Button';

export function FormSubmit({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <div className="form-actions">
      <Button type="submit" variant="primary" shortcut="Enter" busy={busy}>
        {children}
      </Button>
    </div>
  );
}
