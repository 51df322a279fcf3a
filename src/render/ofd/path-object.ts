import { apply, type Box, type Matrix, type PathCommand, type PathItem } from './page-model.js';
import { alpha, box, colourValue, ctm, mm } from './units.js';
import { el, num } from './xml.js';

const CAPS = { butt: 'Butt', round: 'Round', square: 'Square' } as const;
const JOINS = { miter: 'Miter', round: 'Round', bevel: 'Bevel' } as const;

/**
 * A stroked or filled path (a rule, a table border) as an OFD PathObject. AbbreviatedData is
 * relative to the Boundary, a box around the path's points grown by half the stroke; a path in a
 * transformed space keeps its own coordinates, with the CTM taking them to the page.
 */
export function pathObject(id: number, item: PathItem): string | undefined {
  const points = item.commands.flatMap((c) => (c.op === 'Z' ? [] : c.op === 'C' ? [{ x: c.x1, y: c.y1 }, { x: c.x2, y: c.y2 }, { x: c.x, y: c.y }] : [{ x: c.x, y: c.y }]));
  if (points.length === 0) return undefined;
  const onPage = points.map((p) => apply(item.ctm, p.x, p.y));
  const grow = (item.stroke?.width ?? 0) / 2;
  const bounds = boundsOf(onPage, grow);
  // The path's own space, placed so that the Boundary's corner is its origin.
  const origin = apply(inverse(item.ctm), bounds.x, bounds.y);
  const transformed = !(item.ctm[0] === 1 && item.ctm[1] === 0 && item.ctm[2] === 0 && item.ctm[3] === 1);
  const stroke = item.stroke;
  const fill = item.fill;
  // One opacity for the object: the painted colour's (pdfmake paints a path with one colour).
  const opacity = fill?.colour.alpha ?? stroke?.colour.alpha ?? 1;
  return el(
    'PathObject',
    {
      ID: id,
      Boundary: box(bounds),
      CTM: transformed ? ctm([item.ctm[0], item.ctm[1], item.ctm[2], item.ctm[3], 0, 0]) : undefined,
      LineWidth: stroke ? num(mm(stroke.width)) : undefined,
      Cap: stroke && stroke.cap !== 'butt' ? CAPS[stroke.cap] : undefined,
      Join: stroke && stroke.join !== 'miter' ? JOINS[stroke.join] : undefined,
      DashPattern: stroke?.dash ? stroke.dash.map((d) => num(mm(d))).join(' ') : undefined,
      Alpha: alpha(opacity),
      Stroke: stroke ? undefined : 'false',
      Fill: fill ? 'true' : undefined,
      Rule: fill?.rule === 'evenodd' ? 'Even-Odd' : undefined,
    },
    clips(item.clip, bounds),
    stroke ? el('StrokeColor', { Value: colourValue(stroke.colour) }) : undefined,
    fill ? el('FillColor', { Value: colourValue(fill.colour) }) : undefined,
    el('AbbreviatedData', {}, abbreviated(item.commands, origin)),
  );
}

/** OFD's path syntax: M, L, B (cubic Bézier) and C (close), in mm. */
function abbreviated(commands: readonly PathCommand[], origin: { x: number; y: number }): string {
  const p = (x: number, y: number) => `${num(mm(x - origin.x))} ${num(mm(y - origin.y))}`;
  return commands
    .map((c) => (c.op === 'Z' ? 'C' : c.op === 'C' ? `B ${p(c.x1, c.y1)} ${p(c.x2, c.y2)} ${p(c.x, c.y)}` : `${c.op} ${p(c.x, c.y)}`))
    .join(' ');
}

export function boundsOf(points: readonly { x: number; y: number }[], grow: number): Box {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs) - grow;
  const y = Math.min(...ys) - grow;
  return { x, y, width: Math.max(...xs) + grow - x, height: Math.max(...ys) + grow - y };
}

function inverse(m: Matrix): Matrix {
  const [a, b, c, d, e, f] = m;
  const det = a * d - b * c;
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
}

/**
 * A clip rectangle (page space) as the object's Clips, relative to its Boundary (`bounds`).
 * Undefined when there is none.
 */
export function clips(clip: Box | undefined, bounds: Box): string | undefined {
  if (!clip) return undefined;
  const rel = { x: clip.x - bounds.x, y: clip.y - bounds.y, width: clip.width, height: clip.height };
  const data = `M ${num(mm(rel.x))} ${num(mm(rel.y))} L ${num(mm(rel.x + rel.width))} ${num(mm(rel.y))} L ${num(mm(rel.x + rel.width))} ${num(mm(rel.y + rel.height))} L ${num(mm(rel.x))} ${num(mm(rel.y + rel.height))} C`;
  return el('Clips', {}, el('Clip', {}, el('Area', {}, el('Path', { Boundary: box({ x: 0, y: 0, width: bounds.width, height: bounds.height }), Fill: 'true', Stroke: 'false' }, el('AbbreviatedData', {}, data)))));
}
