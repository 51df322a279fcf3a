import { parsedFont } from './font-file.js';

interface Named {
  familyName: string;
  getName?(key: string): string | null;
  'OS/2'?: { usWeightClass?: number };
}

/** A face's family as its type family names it (the preferred family, else the family). */
function familyOf(font: Named): string {
  return (font.getName?.('preferredFamily') ?? font.familyName ?? '').trim().toLowerCase();
}

/**
 * Whether `boldFile` is a bold of the face in `regularFile`: the same type family, and heavier.
 * A role's bold face is used only then, so that a 仿宋 found on the machine is never set beside a
 * bundled serif bold: a face without a bold of its own gets synthetic bold instead.
 */
export function isBoldOf(regularFile: string, boldFile: string): boolean {
  const regular = parsedFont(regularFile) as unknown as Named;
  const bold = parsedFont(boldFile) as unknown as Named;
  const weight = (f: Named) => f['OS/2']?.usWeightClass ?? 400;
  return familyOf(regular) !== '' && familyOf(regular) === familyOf(bold) && weight(bold) > weight(regular);
}
