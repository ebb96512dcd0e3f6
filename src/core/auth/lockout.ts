/** The lockout policy lives in the shared layer: the branch server applies the same rule to the branch-wide count. */
export * from '../../shared/auth/lockout';
