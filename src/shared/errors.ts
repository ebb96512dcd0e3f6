/**
 * Errors cross every boundary (worker → main/host → renderer) as a code plus plain data.
 * The renderer turns the code into a sentence in the operator's language (one place:
 * renderer/i18n); nothing below it ever sends a stack trace or an English sentence to a screen.
 */
export const ERROR_CODES = [
  'VALIDATION', // the input did not match the contract; `issues` names the fields
  'UNKNOWN_CALL', // no such call in the contract
  'FORBIDDEN_ORIGIN', // the call came from a frame/origin the host does not trust
  'BROWSER_SESSION_EXPIRED', // web host: no valid session cookie; open a new one-time link
  'PAYLOAD_TOO_LARGE',
  'NOT_AUTHENTICATED', // no operator is logged in on this client
  'SESSION_LOCKED', // the screen is locked: unlock first
  'FORBIDDEN', // the operator's role may not do this
  'BAD_CREDENTIALS', // one message for a wrong login or a wrong password
  'LOCKED_OUT', // too many failures: `retryAfterSeconds`
  'SETUP_ALREADY_DONE',
  'SETUP_REQUIRED',
  'LOGIN_TAKEN',
  'IIN_TAKEN',
  'PASSWORD_REUSED',
  'PASSWORD_CHANGE_REQUIRED',
  'NOT_FOUND',
  'LAST_ADMIN', // disabling the only active administrator would leave nobody to manage accounts
  'STORAGE_UNAVAILABLE', // the database could not be opened: `reason`, `path`
  'SERVICE_NOT_OFFERED', // the act is not in force here today, or has no counter flow
  'CASE_CHANGED', // the case moved on since this screen read it (another window, a double submit)
  'STEP_OUT_OF_ORDER', // the case is not at the step this action belongs to
  'GATEWAY_UNAVAILABLE', // the state systems could not be reached; the case waits where it is
  'ALREADY_DONE', // the survey was already answered, the document already issued
  'QUEUE_EMPTY', // nobody is waiting for this window's groups
  'TICKET_CHANGED', // another window acted on the ticket first; the screen shows it as it is now
  'WINDOW_NOT_SET', // choose the window number and its service groups first
  'WINDOW_PAUSED', // the window is on a break: resume to call
  'WINDOW_BUSY', // this window still has a called ticket: finish it, mark a no-show or return it first
  'INTERNAL',
  'DISK_FULL', // the disk is full: nothing of this action was kept; free space and do it again
  'SCANS_LOCKED', // the request is signed: its scans are fixed; signing again unlocks them
  'SIGNATURE_REQUIRED', // the request must be signed (again, if the scans changed) before it is forwarded
  'SIGNATURE_INVALID', // the signature does not verify (altered, malformed, or not covering the whole request): sign again
  'CERT_UNTRUSTED', // the certificate does not chain to a trusted root
  'CERT_EXPIRED', // the certificate is outside its validity period
  'CERT_REVOKED', // the certificate is on the issuer's revocation list
  'CERT_REVOCATION_UNKNOWN', // no current revocation list covers the certificate
  'CERT_KEY_USAGE', // the certificate's key is not for signing
  'CERT_IIN_MISMATCH', // the certificate belongs to someone other than the logged-in operator
  'KEY_PASSWORD_WRONG', // the key container's password is wrong
  'KEY_CONTAINER_INVALID', // the file is not a key container this workstation can read
  'NCALAYER_NOT_RUNNING', // NCALayer does not answer on this computer
  'NCALAYER_CANCELLED', // the operator cancelled in NCALayer's window
  'NCALAYER_FAILED', // NCALayer answered with an error
  'SCANNER_UNAVAILABLE', // no scanner (SANE) is available on this computer
  'WINDOW_TAKEN', // another workstation of the branch holds this window now
  'BRANCH_UNREACHABLE', // the branch server does not answer: the ticket it holds cannot be changed until the link returns
  'BRANCH_REFUSED', // the branch server refuses this workstation: `branch.code` says why, `branch.update` which side to update
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * `modeMismatch`: a training folder opened as live, or a live folder in training (the database remembers its mode).
 * `heldElsewhere`: the folder's lock was taken on another computer (a shared folder): whether that
 * АЖО still runs cannot be told from here, so the lock is never broken without a person deciding.
 */
export type StorageProblem = 'fromNewerVersion' | 'corrupt' | 'foreign' | 'inUse' | 'heldElsewhere' | 'keyMismatch' | 'io' | 'modeMismatch';

export interface FieldIssue {
  /** Dotted path of the field, '' for the whole input. */
  path: string;
  /** A stable reason the renderer can translate: 'required', 'tooLong', 'iin.checksum', … */
  reason: string;
}

export interface AppErrorData {
  code: ErrorCode;
  issues?: FieldIssue[];
  retryAfterSeconds?: number;
  storage?: { problem: StorageProblem; path: string };
  branch?: { code: string; update?: 'workstation' | 'server' };
}

export class AppError extends Error {
  readonly data: AppErrorData;
  constructor(data: AppErrorData | ErrorCode) {
    const d = typeof data === 'string' ? { code: data } : data;
    super(d.code);
    this.name = 'AppError';
    this.data = d;
  }
}

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export function isAppErrorData(x: unknown): x is AppErrorData {
  return (
    typeof x === 'object' && x !== null && typeof (x as { code?: unknown }).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((x as { code: string }).code)
  );
}
