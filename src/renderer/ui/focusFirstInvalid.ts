/** After a failed submit the cursor goes to the first field to fix, so Enter-driven work goes on. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  // The messages render on the next frame; wait for them.
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
