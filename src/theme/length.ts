/** Paper sizes in pt, portrait. */
export const PAPER: Record<string, { width: number; height: number }> = {
  A4: { width: mm(210), height: mm(297) },
  A5: { width: mm(148), height: mm(210) },
  A3: { width: mm(297), height: mm(420) },
};

export function mm(v: number): number {
  return (v * 72) / 25.4;
}

export interface LengthContext {
  /** Font size in pt, for `em`. */
  em: number;
  /** Body line pitch in pt, for `line`. */
  line: number;
}

const UNITS: Record<string, (v: number, c: LengthContext) => number> = {
  pt: (v) => v,
  mm: (v) => mm(v),
  cm: (v) => mm(v * 10),
  in: (v) => v * 72,
  em: (v, c) => v * c.em,
  line: (v, c) => v * c.line,
  lines: (v, c) => v * c.line,
};

/** Parses `37mm`, `16pt`, `2em`, `1line` or a bare number (pt); undefined when malformed. */
export function parseLength(value: string | number, ctx: LengthContext): number | undefined {
  if (typeof value === 'number') return value;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  if (!m) return undefined;
  const name = (m[2] || 'pt').toLowerCase();
  // Own units only: `37constructor` is no length.
  const unit = Object.hasOwn(UNITS, name) ? UNITS[name] : undefined;
  return unit ? unit(Number(m[1]), ctx) : undefined;
}

export const LENGTH_UNITS = Object.keys(UNITS);
