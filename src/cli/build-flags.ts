import type { BuildOptions } from '../api/types.js';
import { formatNames } from '../render/registry.js';
import { listOption, ROOT_OPTION } from './args.js';

/** The flags `build` and `preview` share, as parseArgs takes them. */
export const BUILD_FLAG_OPTIONS = {
  layout: { type: 'string', short: 'l', multiple: true },
  format: { type: 'string', short: 'f', multiple: true },
  out: { type: 'string', short: 'o' },
  ...ROOT_OPTION,
  draft: { type: 'boolean' },
  jobs: { type: 'string', short: 'j' },
} as const;

/** The flags `build` and `preview` share: where the project is and what to build. */
export interface BuildFlags {
  root?: string | undefined;
  out?: string | undefined;
  layout?: string[] | undefined;
  format?: string[] | undefined;
  draft?: boolean | undefined;
}

/** The library's options for those flags and the PATHs named (formats and layouts checked as lists). */
export function buildFlagOptions(values: BuildFlags, positionals: string[], cwd: string): BuildOptions {
  const layouts = listOption(values.layout, undefined, '--layout');
  const formats = listOption(values.format, formatNames(), '--format');
  return {
    cwd,
    ...(values.root !== undefined ? { root: values.root } : {}),
    inputs: positionals,
    ...(values.out !== undefined ? { out: values.out } : {}),
    ...(layouts ? { layouts } : {}),
    ...(formats ? { formats } : {}),
    draft: values.draft ?? false,
  };
}
