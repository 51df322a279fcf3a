/**
 * Imported for its effect, before anything imports pdfmake: pdfkit's `require('fontkit')` then
 * returns the shared fontkit, whose fonts are parsed once per process and read lazily (see
 * sharedFontkit). Import order is evaluation order, in Node's ESM loader and in the bundle alike.
 */
import { sharedFontkit } from './font-file.js';

sharedFontkit();
