import { styleByRole, type Doc, type ImageBlock } from '../../ir/index.js';
import { figureSize, pixelSize } from '../../images/figure-size.js';
import { composedLines } from './paragraph.js';
import { atomBlock, type DrawnBlock } from './flow.js';

/**
 * A picture and its caption as one block of the flow (they are never parted). The picture is
 * sized from its aspect ratio (see figureSize: the text width, no taller than the theme's share
 * of the text block; the content's `width` overrides) and centred in whole line pitches with at
 * least a quarter pitch above and below it; the caption takes the lines after those, so on a
 * grid page it sits on the next grid line under the picture, and the body below stays on the grid.
 */
export function imageFlow(doc: Doc, block: ImageBlock, textWidth: number): DrawnBlock {
  const { margins, height: pageHeight, linePitch: pitch } = doc.page;
  const textHeight = pageHeight - margins.top - margins.bottom;
  const style = styleByRole(doc, 'caption') ?? Object.values(doc.styles)[0]!;
  const captionStyle = { ...style, align: 'center' as const, indent: 0, indentLeft: 0, indentRight: 0 };
  const caption = block.caption ? composedLines(doc, captionStyle, block.caption, textWidth) : [];
  const captionHeight = caption.length * captionStyle.lineHeight;
  const gap = pitch / 2;
  const size = figureSize(pixelSize(block.path), {
    textWidth,
    textHeight,
    maxHeightShare: doc.flow.figureHeight,
    ...(block.width !== undefined ? { width: block.width } : {}),
    // Never taller than a page can hold with its caption.
    fitHeight: Math.max(pitch, textHeight - captionHeight - gap),
  });
  const grid = doc.page.charPitch !== undefined;
  const boxOf = (height: number) => (grid ? Math.ceil((height + gap) / pitch - 1e-6) * pitch : height + gap);
  const draw = (scale: number) => {
    const box = boxOf(size.height * scale);
    const above = (box - size.height * scale) / 2;
    const picture = { image: block.path, width: size.width * scale, height: size.height * scale, alignment: 'center', margin: [0, above, 0, box - above - size.height * scale] };
    return { stack: [picture, ...caption] };
  };
  // Drawn smaller to end a page (see FlowBlock.shrinkTo): in whole lines, no smaller than the theme allows.
  const scaleFor = (room: number) => {
    const box = grid ? Math.floor((room - captionHeight) / pitch + 1e-6) * pitch : room - captionHeight;
    const scale = (box - gap) / size.height;
    return scale >= doc.flow.figureShrink && scale < 1 ? scale : undefined;
  };
  return {
    ...atomBlock(boxOf(size.height) + captionHeight, draw(1)),
    shrinkTo: (room) => {
      const scale = scaleFor(room);
      return scale === undefined ? undefined : boxOf(size.height * scale) + captionHeight;
    },
    draw: (_from, _to, _opens, shrunk) => [shrunk === undefined ? draw(1) : draw(scaleFor(shrunk) ?? 1)],
  };
}
