/**
 * Where a long Latin word may be hyphenated: Liang's patterns for US English (TeX's hyph-en-us,
 * through the `hyphen` package), with TeX's lefthyphenmin 2 and righthyphenmin 3. Chinese
 * reports set English words rarely and briefly; a line that must hold one longer than its room
 * (Internationalization, interoperability) is otherwise left loose.
 *
 * The patterns take some 30–100 ms to load, so they are loaded only for a document that has a
 * long Latin word: the PDF renderer awaits `loadHyphenation()` first (`needsHyphenation`). Until
 * they are loaded, nothing is hyphenated; a process never unloads them.
 */
type Hyphenator = (text: string, options: { hyphenChar: string; minWordLength?: number }) => string;
let hyphenateSync: Hyphenator | undefined;

const LEFT_MIN = 2;
const RIGHT_MIN = 3;
/** Words shorter than this are never hyphenated. */
export const MIN_HYPHENATED = 7;

const LONG_WORD = new RegExp(`[A-Za-z]{${MIN_HYPHENATED},}`);

/** Whether a text has a Latin word long enough to be hyphenated. */
export function needsHyphenation(text: string): boolean {
  return LONG_WORD.test(text);
}

/** Loads the patterns (once per process). */
export async function loadHyphenation(): Promise<void> {
  if (hyphenateSync) return;
  // @ts-expect-error the hyphen package ships no types
  const mod = (await import('hyphen/en-us')) as { hyphenateSync?: Hyphenator; default?: { hyphenateSync: Hyphenator } };
  hyphenateSync = mod.hyphenateSync ?? mod.default!.hyphenateSync;
}

/** Whether the patterns are loaded (composed lines depend on it: the memo keys on it). */
export function hyphenationLoaded(): boolean {
  return hyphenateSync !== undefined;
}

/** Offsets inside `word` (ASCII letters) before which a hyphenated line may end; none until the patterns are loaded. */
export function hyphenationPoints(word: string): number[] {
  if (!hyphenateSync) return [];
  const marked = hyphenateSync(word.toLowerCase(), { hyphenChar: '|', minWordLength: MIN_HYPHENATED });
  const out: number[] = [];
  let at = 0;
  for (const ch of marked) {
    if (ch === '|') {
      if (at >= LEFT_MIN && word.length - at >= RIGHT_MIN) out.push(at);
    } else at++;
  }
  return out;
}
