/** Word measures in twentieths of a point (twips) and font sizes in half-points. */
export const twips = (pt: number): number => Math.round(pt * 20);
export const halfPoints = (pt: number): number => Math.round(pt * 2);
/** `#E60012` → `E60012`, as OOXML writes colours. */
export const hex = (color: string): string => color.replace(/^#/, '').toUpperCase();
