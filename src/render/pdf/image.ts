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
  const box = doc.page.charPitch ? Math.ceil((size.height + gap) / pitch - 1e-6) * pitch : size.height + gap;
  const above = (box - size.height) / 2;
  const picture = { image: block.path, width: size.width, height: size.height, alignment: 'center', margin: [0, above, 0, box - above - size.height] };
  return atomBlock(box + captionHeight, { stack: [picture, ...caption] });
}
