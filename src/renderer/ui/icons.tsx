/** The few glyphs the workstation uses, drawn inline so no remote or extra asset is needed. */
const common = { width: 18, height: 18, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true } as const;

export const LockIcon = ({ size = 18 }: { size?: number }) => (
  <svg {...common} width={size} height={size}>
    <rect x="4" y="11" width="16" height="10" rx="2" />
    <path d="M8 11V7a4 4 0 0 1 8 0v4" />
  </svg>
);

export const LogoutIcon = () => (
  <svg {...common}>
    <path d="M15 4h3a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-3" />
    <path d="M10 17l-5-5 5-5" />
    <path d="M5 12h11" />
  </svg>
);

/** The product mark: a counter screen with the operator's tick. */
export const WorkstationGlyph = () => (
  <svg {...common} width="60%" height="60%" strokeWidth={2.2}>
    <rect x="3" y="4" width="18" height="12" rx="2" />
    <path d="M8 20h8M12 16v4" />
    <path d="M8.5 10.5l2.2 2.2 4.8-4.8" />
  </svg>
);
