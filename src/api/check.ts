import path from 'node:path';
import { DiagnosticError, displayPath, hasErrors, type Diagnostic } from '../diagnostics/index.js';
import { fixPunctuationInFile } from '../import/fix-punctuation.js';
import { build as buildPipeline } from '../pipeline/build.js';
import { discoverContent } from '../pipeline/discover.js';
import { openProject } from '../project/open.js';
import { checkOptions } from './options.js';
import { checkOptionsSchema } from './schemas.js';
import type { CheckOptions, CheckResult, PunctuationFile } from './types.js';

export type { CheckOptions, CheckResult, PunctuationFile } from './types.js';


/**
 * Validates content and lays it out with its layouts, as `jianbao check` does, writing nothing
 * (but with `punctuation: 'fix'`, the fixed marks, only the changed characters of each file).
 * Bad content is not thrown: it comes back as `ok: false` with its diagnostics. Options that do
 * not fit, or no project, throw a UsageError.
 */
export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const o = checkOptions('check', checkOptionsSchema, options);
  const cwd = path.resolve(o.cwd ?? process.cwd());
  const inputs = (o.inputs ?? []).map((i) => path.resolve(cwd, i));
  const project = openProject({ cwd, ...(o.root !== undefined ? { root: o.root } : {}), inputs });
  const config = project.config.data;
  const diagnostics: Diagnostic[] = [...project.warnings];
  const punctuation: PunctuationFile[] = [];
  try {
    if (o.punctuation) {
      const { files, diagnostics: missing } = discoverContent(inputs.length > 0 ? inputs : [project.paths.contentDir], cwd);
      if (missing.length > 0) throw new DiagnosticError(missing);
      for (const file of files) {
        const shown = displayPath(file, cwd);
        const r = fixPunctuationInFile(file, shown, { write: o.punctuation === 'fix', ...(o.ranges ? { ranges: o.ranges } : {}) });
        diagnostics.push(...r.diagnostics);
        punctuation.push({ file: shown, changes: r.changes, written: r.written });
      }
    }
    const result = await buildPipeline({
      paths: project.paths,
      inputs,
      ...(o.layouts ? { layouts: o.layouts } : {}),
      ...(config.layouts ? { defaultLayouts: config.layouts } : {}),
      ...(config.series ? { seriesDefaults: config.series } : {}),
      checkOnly: true,
    });
    diagnostics.push(...result.warnings);
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    diagnostics.push(...e.diagnostics);
  }
  return { ok: !hasErrors(diagnostics), root: project.root, diagnostics, punctuation };
}
