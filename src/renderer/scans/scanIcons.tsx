/** The scan screen's glyphs, drawn inline like the rest of the workstation's. */
const common = { width: 18, height: 18, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true } as const;

export const FileIcon = () => (
  <svg {...common}>
    <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
    <path d="M14 3v5h5M12 17v-6M9 14l3-3 3 3" />
  </svg>
);

export const CameraIcon = () => (
  <svg {...common}>
    <path d="M4 8h3l2-3h6l2 3h3a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1z" />
    <circle cx="12" cy="13" r="3.5" />
  </svg>
);

export const ScannerIcon = () => (
  <svg {...common}>
    <path d="M3 14h18v5a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1z" />
    <path d="M5 14l12-8M7 17h2" />
  </svg>
);

export const PdfIcon = () => (
  <svg {...common} width={40} height={40} strokeWidth={1.5}>
    <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
    <path d="M14 3v5h5" />
    <path d="M8.5 16.5v-4h1.2a1.2 1.2 0 0 1 0 2.4H8.5M12.5 12.5v4h.8a1.6 1.6 0 0 0 1.6-1.6v-.8a1.6 1.6 0 0 0-1.6-1.6zM16.5 16.5v-4h1.8M16.5 14.5h1.4" strokeWidth={1.2} />
  </svg>
);

export const ArrowIcon = ({ direction }: { direction: 'left' | 'right' }) => (
  <svg {...common} width={16} height={16}>
    {direction === 'left' ? <path d="M15 5l-7 7 7 7" /> : <path d="M9 5l7 7-7 7" />}
  </svg>
);

export const RemoveIcon = () => (
  <svg {...common} width={16} height={16}>
    <path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6" />
  </svg>
);

export const RotateIcon = ({ direction }: { direction: 'left' | 'right' }) => (
  <svg {...common} style={direction === 'left' ? { transform: 'scaleX(-1)' } : undefined}>
    <path d="M20 11a8 8 0 1 0-2.3 5.7" />
    <path d="M20 4v7h-7" />
  </svg>
);

export const ShieldIcon = () => (
  <svg {...common} width={16} height={16}>
    <path d="M12 3l8 3v6c0 4.5-3.4 8.3-8 9-4.6-.7-8-4.5-8-9V6z" />
    <path d="M8.5 12l2.5 2.5 4.5-4.5" />
  </svg>
);
