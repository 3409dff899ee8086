/** A handle as people type it: the leading @ is theirs to add or leave out. */
export function withoutAt(typed: string): string {
  return typed.replace(/^@/, '');
}

/** Whether `typed` is `handle` (its @ optional, case ignored): what erasing an account waits for. */
export function isHandleTyped(typed: string, handle: string): boolean {
  return handle !== '' && withoutAt(typed).toLowerCase() === handle.toLowerCase();
}
