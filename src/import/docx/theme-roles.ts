import { DiagnosticError } from '../../diagnostics/index.js';
import { loadStyleNaming } from '../../theme/load-theme.js';
import { themeFiles, type LayoutPaths } from '../../templates/layout-files.js';
import { normalize, type StyleRole } from './styles.js';

/**
 * Style ids and names of every theme (the project's and the built-in ones), mapped to what each style is for by the
 * role its theme gives it (`role:`; a heading's level is its outlineLevel), so a layout that
 * renames a Word style still imports. Styles without a role are layout furniture (masthead, end
 * block, page number). Only the styles are read, not the fonts; a theme that does not read is
 * skipped: the build reports it.
 */
export function themeStyleRoles(paths: LayoutPaths): Map<string, StyleRole> {
  const out = new Map<string, StyleRole>();
  for (const { file } of themeFiles(paths).values()) {
    let styles;
    try {
      styles = loadStyleNaming(file);
    } catch (e) {
      if (e instanceof DiagnosticError) continue;
      throw e;
    }
    for (const style of styles) {
      const role: StyleRole = style.role === 'heading' ? { role: 'heading', level: Math.min(style.outlineLevel ?? 1, 4) } : { role: style.role ?? 'furniture' };
      for (const name of [style.id, style.name]) if (!out.has(normalize(name))) out.set(normalize(name), role);
    }
  }
  return out;
}
