import path from 'node:path';
import { DiagnosticError, didYouMean, UsageError, type Diagnostic } from '../diagnostics/index.js';
import { type MissingChar, type RoleReport, missingChar } from '../fonts/fonts-report.js';
import { readFontsSetting, resolveProjectRole } from '../fonts/project-fonts.js';
import { resolveFontCandidate } from '../fonts/resolve-font.js';
import { type RoleCoverage, glyphCoverage } from '../glyphs/check-glyphs.js';
import { plan } from '../pipeline/plan.js';
import { openProject } from '../project/open.js';
import { listLayouts, themeFile } from '../templates/layout-files.js';
import { themeFontRoles } from '../theme/load-theme.js';
import { checkOptions } from './options.js';
import { fontsOptionsSchema } from './schemas.js';
import type { FontsOptions, FontsResult } from './types.js';

export type { FontsOptions, FontsResult } from './types.js';

/**
 * The face each font role of each layout takes, as `jianbao fonts` shows it: family, file, origin,
 * permission, and the characters of the content no face of the role has. Content that cannot be
 * laid out leaves the coverage out and its diagnostics in `diagnostics`; `ok` is false then, and
 * when a role has no face it may embed.
 */
export async function fonts(options: FontsOptions = {}): Promise<FontsResult> {
  const o = checkOptions('fonts', fontsOptionsSchema, options);
  const cwd = path.resolve(o.cwd ?? process.cwd());
  const inputs = (o.inputs ?? []).map((p) => path.resolve(cwd, p));
  const project = openProject({ cwd, ...(o.root !== undefined ? { root: o.root } : {}), inputs });
  const { paths } = project;
  const config = project.config.data;
  const known = listLayouts(paths);
  for (const l of o.layouts ?? []) {
    if (known.includes(l)) continue;
    const near = didYouMean(l, known);
    throw new UsageError(`unknown layout \`${l}\``, [near ? `did you mean \`${near}\`?` : `layouts: ${known.join(', ')}`]);
  }
  const layouts = o.layouts ?? known;
  const setting = readFontsSetting(paths.projectDir);
  if (setting.diagnostics.some((d) => d.severity === 'error')) throw new DiagnosticError(setting.diagnostics);

  // Coverage: every document a build would make, laid out, its characters checked by role.
  const coverage = new Map<string, Map<string, RoleCoverage>>();
  let contentErrors: Diagnostic[] = [];
  try {
    for (const p of plan({ paths, inputs, ...(config.layouts ? { defaultLayouts: config.layouts } : {}), ...(config.series ? { seriesDefaults: config.series } : {}), skipGlyphCheck: true })) {
      if (!layouts.includes(p.layout)) continue;
      if (!coverage.has(p.layout)) coverage.set(p.layout, new Map());
      glyphCoverage(p.doc, coverage.get(p.layout));
    }
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    contentErrors = e.diagnostics;
  }

  const roles: RoleReport[] = [];
  for (const layout of layouts) {
    for (const spec of themeFontRoles(themeFile(paths, layout))) {
      const { face, diagnostics } = resolveProjectRole(spec, paths.projectDir, setting.setting);
      const cov = coverage.get(layout)?.get(spec.role);
      const missing: MissingChar[] = [...(cov?.missing ?? [])].map(([ch, at]) => missingChar(ch, at.slice(0, 20), at.length));
      roles.push({
        layout,
        role: spec.role,
        ...(face ? { face } : {}),
        fallbacks: spec.fallback.map((c) => (resolveFontCandidate(c, paths.projectDir) ? c : `${c} (not found)`)),
        characters: cov?.characters.size ?? 0,
        missing,
        problems: diagnostics.map((d) => `${d.severity}: ${d.message}`),
      });
    }
  }
  const failed = contentErrors.some((d) => d.severity === 'error') || roles.some((r) => !r.face || r.problems.some((p) => p.startsWith('error')));
  return { ok: !failed, root: project.root, setting: { value: setting.setting, from: setting.from }, roles, diagnostics: contentErrors };
}
