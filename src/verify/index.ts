export { verifyPdf, verifyDocx, verifyText, type VerifyOptions } from './fidelity.js';
export { textUnits, unitText, roleOf, type TextUnit, type TextPiece } from './ir-text.js';
export { readPdfText, pdfPlainText, type PdfPageText, type PdfTextItem } from './pdf-text.js';
export { docxParagraphs, docxPlainText } from './docx-text.js';
