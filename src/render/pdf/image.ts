import fs from 'node:fs';
import { imageSize } from 'image-size';
import { styleByRole, type Doc, type ImageBlock } from '../../ir/index.js';
import { composedLines, gridFill } from './paragraph.js';

/**
 * An image and its caption as pdfmake content, kept together on one page. The image is drawn
 * `block.width` of the text block wide, and as tall as its pixel size gives; the caption is set
 * by the CJK composer, centred. On a grid page the pair takes whole grid lines, the spare space
 * split above the image and below the caption, so the body below stays on the grid; off the grid
 * the figure is set as before, with no space of its own.
 */
export function imageContent(doc: Doc, block: ImageBlock, textWidth: number): object[] {
  const width = textWidth * block.width;
  const size = pixelSize(block.path);
  const image = { image: block.path, width, alignment: 'center' };
  const style = styleByRole(doc, 'caption') ?? Object.values(doc.styles)[0]!;
  const captionStyle = { ...style, align: 'center' as const, indent: 0 };
  const caption = block.caption ? composedLines(doc, captionStyle, block.caption, textWidth) : undefined;
  const captionNode = caption ? [{ stack: caption, margin: [0, captionStyle.spaceBefore, 0, captionStyle.spaceAfter] }] : [];
  // Given only a width, pdfmake draws the image as tall as that width and its (EXIF-oriented) pixels give.
  if (!size) return [image, ...captionNode];
  const height = (width * size.height) / size.width + (caption ? captionStyle.spaceBefore + caption.length * captionStyle.lineHeight + captionStyle.spaceAfter : 0);
  // At least half a caption em above the image and below the caption, so a figure never sits
  // flush against the text lines beside it; the rest of the last grid line is shared alike.
  const gap = captionStyle.size;
  const fill = doc.page.charPitch ? gap + gridFill(doc, height + gap) : 0;
  const above = fill / 2;
  const stack = [{ ...image, margin: [0, above, 0, 0] }, ...captionNode];
  // Unbreakable: a caption carried to the next page apart from its image would leave the page's
  // body off the grid (and the figure unlabelled). pdfmake keeps only the first page of an
  // unbreakable block, so a figure taller than the text block is left breakable.
  const textHeight = doc.page.height - doc.page.margins.top - doc.page.margins.bottom;
  return [{ stack, margin: [0, 0, 0, fill - above], ...(above + height <= textHeight ? { unbreakable: true } : {}) }];
}

/** The image's size in pixels as drawn (EXIF orientations 5–8 turn it a quarter), or undefined if it cannot be read. */
function pixelSize(file: string): { width: number; height: number } | undefined {
  try {
    const s = imageSize(new Uint8Array(fs.readFileSync(file)));
    if (!(s.width > 0 && s.height > 0)) return undefined;
    return (s.orientation ?? 1) > 4 ? { width: s.height, height: s.width } : { width: s.width, height: s.height };
  } catch {
    return undefined;
  }
}
