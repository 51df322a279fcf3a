/**
 * Counts pages in a PDF that pdfkit or pdf-lib (without object streams) wrote: every object is
 * written uncompressed at the top level, so each page dictionary is visible as `/Type /Page`.
 */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}
