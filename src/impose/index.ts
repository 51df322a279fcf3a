export { imposeSaddleStitch, saddleStitchOrder, type ImposeOptions } from './saddle-stitch.js';
export { imposedOutput, imposedPath, wantsImposition, IMPOSED_LAYOUTS, type ImposedManifestEntry } from './imposed-output.js';
