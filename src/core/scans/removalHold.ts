/**
 * Holds back the removal of scan files while a backup copies the data folder. The backup's
 * database snapshot may still name a scan that the purge (or an operator's delete) marks gone a
 * moment later; if the file went before the backup copied it, the restored workstation would
 * have a scan row without its file. A removal asked for while the hold is taken waits until no
 * backup holds it; one asked for before was marked before the snapshot, which does not name it.
 */
export class RemovalHold {
  private holders = 0;
  private waiters: (() => void)[] = [];

  /** Takes the hold at once (synchronously) and returns its release, safe to call twice. */
  take(): () => void {
    this.holders++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.holders > 0) return;
      const waiting = this.waiters;
      this.waiters = [];
      for (const wake of waiting) wake();
    };
  }

  get held(): boolean {
    return this.holders > 0;
  }

  /** Resolves when nothing holds removals. */
  async free(): Promise<void> {
    while (this.holders > 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }
}
