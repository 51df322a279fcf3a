// Chinese line composition for the PDF renderer: clreq line breaking, total-fit line choice,
// punctuation compression, the GB/T 9704 character grid and balanced titles. Pure: no pdfmake.
export { loadFontMetrics, fromFontkit, pdfFontFeatures, type FontMetrics } from './metrics.js';
export { composeParagraph, composeDetailed, type ComposeOptions, type LineDetail } from './paragraph.js';
export { composeParagraphMemo, composeMemoStats, clearComposeMemo } from './memo.js';
export type { Run, ComposedLine } from './justify.js';
export type { PunctuationScheme } from './punctuation.js';
export { balanceTitle } from './title.js';
export { contentWidths, type ContentWidths } from './content-width.js';
export { loadHyphenation, needsHyphenation } from './hyphenate.js';
export { mayNotEndLine, mayNotStartLine } from './char-class.js';
