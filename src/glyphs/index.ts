export { checkGlyphs } from './check-glyphs.js';
export { splitByFace, faceFiles, type FaceRun } from './face-runs.js';
