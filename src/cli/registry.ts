import type { Command } from './command.js';

/** A subcommand as `jianbao --help` lists it; its module loads only when it runs or shows its help. */
export interface CommandEntry {
  name: string;
  /** One line for `jianbao --help`. */
  summary: string;
  load(): Promise<Command>;
}

/**
 * Every `jianbao` subcommand, in the order `--help` lists them. Each loads on demand, so a build
 * never evaluates the importers (their HTML, Word and punctuation modules) and the reverse.
 */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'build', summary: 'build PDF and Word outputs from content', load: async () => (await import('./commands/build.js')).buildCommand },
  { name: 'check', summary: 'validate content without writing anything', load: async () => (await import('./commands/check.js')).checkCommand },
  { name: 'preview', summary: 'build, watch and show the outputs in the browser, reloading on each save', load: async () => (await import('./commands/preview.js')).previewCommand },
  { name: 'fonts', summary: 'show the face each font role takes, from where, its permission and its coverage of the content', load: async () => (await import('./commands/fonts.js')).fontsCommand },
  {
    name: 'import',
    summary: 'import a Word draft, text or HTML article into content YAML (--into shows what changed)',
    load: async () => (await import('./commands/import.js')).importCommand,
  },
  { name: 'init', summary: 'make a working project: jianbao.yaml, a sample article and issue, CI workflows', load: async () => (await import('./commands/init.js')).initCommand },
  { name: 'layouts', summary: 'list the layouts (the project\'s and the built-in ones); --copy one to edit it', load: async () => (await import('./commands/layouts.js')).layoutsCommand },
  { name: 'manifest', summary: 'merge shard manifests into one out folder', load: async () => (await import('./commands/manifest.js')).manifestCommand },
  { name: 'clean', summary: 'remove the outputs a build wrote (--dry-run lists them)', load: async () => (await import('./commands/clean.js')).cleanCommand },
];
