import { child, children, expandArray, type OfdElement, type OfdRead } from './read-ofd.js';

/**
 * Draws one page of an OFD package as SVG, from the package alone (a reader's view, for looking
 * at it beside the PDF): each TextCode character at its position in its embedded font (given to
 * the browser with @font-face, so the font's own cmap is what maps the text), paths from their
 * AbbreviatedData, images over their boxes. Every object sits in its Boundary's frame, with its CTM.
 * Glyphs named by a CGTransform are drawn as their characters (SVG cannot address glyph ids).
 */
export function pageSvg(ofd: OfdRead, pageIndex: number): string {
  const document = [...ofd.parts.values()].find((p) => p.name === 'Document')!;
  const docPath = [...ofd.parts].find(([, p]) => p === document)![0];
  const pageRef = children(child(document, 'Pages')!, 'Page')[pageIndex];
  if (!pageRef) throw new Error(`no page ${pageIndex + 1}`);
  const dir = docPath.split('/').slice(0, -1).join('/');
  const page = ofd.parts.get(`${dir}/${pageRef.attrs.BaseLoc}`)!;
  const { width, height } = ofd.pages[pageIndex]!;
  const media = new Map<string, string>();
  for (const res of [...ofd.parts.values()].filter((p) => p.name === 'Res')) {
    for (const m of child(res, 'MultiMedias')?.children ?? []) {
      const file = `${dir}/${res.attrs.BaseLoc}/${child(m, 'MediaFile')!.text.trim()}`;
      media.set(m.attrs.ID!, `data:image/${m.attrs.Format === 'JPEG' ? 'jpeg' : 'png'};base64,${Buffer.from(ofd.files.get(file)!).toString('base64')}`);
    }
  }
  const fonts = [...ofd.fonts].map(([id, f]) => `@font-face{font-family:ofd${id};src:url(data:font/ttf;base64,${Buffer.from(f.bytes).toString('base64')})}`).join('');
  const body: string[] = [];
  for (const layer of children(child(page, 'Content') ?? ({ children: [] } as unknown as OfdElement), 'Layer')) {
    for (const obj of layer.children) body.push(object(obj, media));
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}mm" height="${height}mm" viewBox="0 0 ${width} ${height}"><style>${fonts}</style><rect width="${width}" height="${height}" fill="#fff"/>${body.join('')}</svg>`;
}

function frame(obj: OfdElement): string {
  const [x, y] = obj.attrs.Boundary!.split(/\s+/);
  const ctm = obj.attrs.CTM ? ` matrix(${expandArray(obj.attrs.CTM).join(' ')})` : '';
  return `translate(${x} ${y})${ctm}`;
}

const colour = (el: OfdElement | undefined, fallback: string) => (el?.attrs.Value ? `rgb(${el.attrs.Value.split(/\s+/).join(',')})` : fallback);
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function object(obj: OfdElement, media: ReadonlyMap<string, string>): string {
  const opacity = obj.attrs.Alpha ? ` opacity="${Number(obj.attrs.Alpha) / 255}"` : '';
  if (obj.name === 'TextObject') {
    const texts = children(obj, 'TextCode').map((code) => {
      const chars = [...code.text];
      const dx = expandArray(code.attrs.DeltaX);
      const dy = expandArray(code.attrs.DeltaY);
      const xs: number[] = [];
      const ys: number[] = [];
      chars.forEach((_, i) => {
        xs.push(i === 0 ? Number(code.attrs.X) : xs[i - 1]! + (dx[i - 1] ?? 0));
        ys.push(i === 0 ? Number(code.attrs.Y) : ys[i - 1]! + (dy[i - 1] ?? 0));
      });
      return `<text x="${xs.join(' ')}" y="${ys.join(' ')}">${escape(code.text)}</text>`;
    });
    return `<g transform="${frame(obj)}" font-family="ofd${obj.attrs.Font}" font-size="${obj.attrs.Size}" fill="${colour(child(obj, 'FillColor'), '#000')}"${opacity}>${texts.join('')}</g>`;
  }
  if (obj.name === 'PathObject') {
    // OFD's commands as SVG's: S and M move, L line, Q quadratic, B cubic, C close.
    const svgCommand: Record<string, string> = { S: 'M', M: 'M', L: 'L', Q: 'Q', B: 'C', C: 'Z' };
    const d = child(obj, 'AbbreviatedData')!.text.trim().split(/\s+/).map((t) => svgCommand[t] ?? t).join(' ');
    const stroke = obj.attrs.Stroke !== 'false' ? `stroke="${colour(child(obj, 'StrokeColor'), '#000')}" stroke-width="${obj.attrs.LineWidth ?? 0.353}"` : 'stroke="none"';
    const fill = obj.attrs.Fill === 'true' ? colour(child(obj, 'FillColor'), '#000') : 'none';
    return `<path transform="${frame(obj)}" d="${d}" ${stroke} fill="${fill}"${opacity}/>`;
  }
  if (obj.name === 'ImageObject') {
    return `<image transform="${frame(obj)}" x="0" y="0" width="1" height="1" preserveAspectRatio="none" href="${media.get(obj.attrs.ResourceID!)}"${opacity}/>`;
  }
  return '';
}
