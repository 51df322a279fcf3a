import fs from 'node:fs';
import { diag, type Diagnostic } from '../diagnostics/index.js';
import { colourModel } from '../images/colour-model.js';
import type { Block, Doc } from '../ir/index.js';

/**
 * Images a PDF/A-2b file with an sRGB output intent cannot hold as they are, each an error at its
 * YAML position: a CMYK JPEG (DeviceCMYK needs a CMYK output intent, ISO 19005-2 §6.2.4.3) and a
 * 16-bit PNG without alpha (pdfkit embeds it at 16 bits a component; with alpha it stores 8).
 * Refused rather than converted: converting CMYK to RGB well needs the image's own profile.
 */
export function pdfaImageProblems(doc: Doc): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.kind === 'foot') visit(b.blocks);
      if (b.kind !== 'image') continue;
      let model;
      try {
        model = colourModel(new Uint8Array(fs.readFileSync(b.path)));
      } catch {
        continue; // unreadable: the image check reports it
      }
      if (model?.components === 4) {
        out.push(diag('error', 'pdfa-image', `${b.path}: a CMYK image cannot go into PDF/A-2b with the sRGB output intent`, b.at, ['save it as an RGB JPEG or PNG (in an image editor: Image › Mode › RGB), or build without --pdfa']));
      } else if (model && model.bits === 16 && !model.alpha) {
        out.push(diag('error', 'pdfa-image', `${b.path}: a 16-bit image (${model.bits} bits a channel) is not embedded in PDF/A-2b`, b.at, ['save it as an 8-bit PNG, or build without --pdfa']));
      }
    }
  };
  visit(doc.blocks);
  return out;
}
