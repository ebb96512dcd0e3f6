/** A button that says which key does the same thing. */
import type { ButtonHTMLAttributes, ReactNode } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'quiet' | 'onDark';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  shortcut?: string | undefined;
  busy?: boolean | undefined;
  icon?: ReactNode;
}

export function Button({ variant = 'secondary', shortcut, busy, icon, children, className, disabled, type = 'button', ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      className={`btn btn--${variant}${className ? ` ${className}` : ''}`}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      aria-keyshortcuts={shortcut?.replace(/\s/g, '')}
      {...rest}
    >
      {icon}
      <span className="btn-label">{children}</span>
      {shortcut && <kbd className="btn-kbd">{shortcut}</kbd>}
    </button>
  );
}
