import fs from 'node:fs';
import path from 'node:path';
import { type Diagnostic, diag, displayPath } from '../diagnostics/index.js';
import { CONFIG_FILE, readProjectConfig } from '../settings/settings-file.js';
import { type Discovery, discoverFaces, foldersFromEnv } from './discovery/index.js';
import { type FontsSetting, type ResolveContext, type RoleResult, type RoleSpec, resolveRole } from './resolve-role.js';

/**
 * A project's fonts: its setting (may a build use the faces installed on the machine?) and the
 * resolution of a theme's roles with it, discovery done once per process.
 *
 * The setting is `fonts:` in `jianbao.yaml` at the project's root (src/settings), `installed`
 * (the default) or `bundled`; `JIANBAO_FONTS` overrides it (the CLI's `--fonts` sets that).
 */

export interface FontsSettingRead {
  setting: FontsSetting;
  /** Where it was decided, as a user would look for it. */
  from: string;
  diagnostics: Diagnostic[];
}

/** The project's fonts setting: `JIANBAO_FONTS`, else `jianbao.yaml`'s `fonts:` (read by its one reader), else `installed`. */
export function readFontsSetting(projectDir: string, env: NodeJS.ProcessEnv = process.env): FontsSettingRead {
  const fromEnv = env.JIANBAO_FONTS;
  if (fromEnv) {
    if (fromEnv === 'installed' || fromEnv === 'bundled') return { setting: fromEnv, from: 'JIANBAO_FONTS', diagnostics: [] };
    return { setting: 'installed', from: 'JIANBAO_FONTS', diagnostics: [diag('error', 'usage', `JIANBAO_FONTS must be \`installed\` or \`bundled\`, not \`${fromEnv}\``)] };
  }
  const { config, diagnostics } = readProjectConfig(projectDir);
  const from = config.file !== undefined ? displayPath(config.file) : diagnostics.length > 0 ? CONFIG_FILE : 'default';
  return { setting: config.data.fonts ?? 'installed', from, diagnostics };
}

let installed: { key: string; discovery: Discovery } | undefined;

/** The machine's installed faces, discovered once per process (per JIANBAO_FONT_DIRS). */
export function installedFaces(): Discovery {
  const key = foldersFromEnv()?.join(path.delimiter) ?? '';
  if (!installed || installed.key !== key) installed = { key, discovery: discoverFaces() };
  return installed.discovery;
}

const projectMemo = new Map<string, { stamp: string; discovery: Discovery }>();

/**
 * The faces in a project's fonts/ folder, read again only when a file there was added, removed
 * or changed (a face dropped into fonts/ counts at once, also under `--watch`).
 */
export function projectFaces(projectDir: string): Discovery {
  const dir = path.join(projectDir, 'fonts');
  let stamp = '';
  try {
    for (const name of fs.readdirSync(dir).sort()) {
      try {
        const st = fs.statSync(path.join(dir, name));
        stamp += `${name}:${st.size}:${st.mtimeMs};`;
      } catch {
        stamp += `${name};`;
      }
    }
  } catch {
    stamp = 'none';
  }
  const hit = projectMemo.get(dir);
  if (hit && hit.stamp === stamp) return hit.discovery;
  const discovery = discoverFaces({ folders: [dir], cacheFile: null, limits: { maxFiles: 2000, maxDepth: 4 } });
  projectMemo.set(dir, { stamp, discovery });
  return discovery;
}

/** Resolves a role for a project with its setting. */
export function resolveProjectRole(spec: RoleSpec, projectDir: string, setting: FontsSetting): RoleResult {
  const ctx: ResolveContext = { projectDir, setting, projectFaces: () => projectFaces(projectDir), installedFaces };
  return resolveRole(spec, ctx);
}
