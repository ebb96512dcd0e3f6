/**
 * The two Electron IPC channels between the preload and the shell. Kept apart from the
 * contract so the sandboxed preload bundles these two strings and not zod.
 */
export const INVOKE_CHANNEL = 'azho:invoke';
export const EVENT_CHANNEL = 'azho:event';
/** The desktop app only: print a PDF the core makes, through the system's print dialog. */
export const PRINT_CHANNEL = 'azho:print';
