import type { Go1xKit } from '../go1x-kit.js';

/** The runtime's shared pieces, set by the loader through {@link useKit} before `serve` runs. */
export let kit: Go1xKit;

export function useKit(shared: Go1xKit): void {
  kit = shared;
}
