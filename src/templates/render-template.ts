import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { diag, DiagnosticError, didYouMean, displayPath as shownPath, type Diagnostic } from '../diagnostics/index.js';
import { cacheDir } from '../fonts/hash-cache.js';
import { LIMITS } from '../limits.js';
import { BUILTIN_HELPERS, countingEach, HelperError, helpers, type IterationBudget } from './helpers.js';
import { findTemplateFile, LAYOUT_NAME, listLayouts, partialFiles, templateDirs, type FoundFile, type LayoutPaths } from './layout-files.js';

export { listLayouts } from './layout-files.js';

/** A compiled layout template, bound to its file for error messages. */
export interface CompiledTemplate {
  file: string;
  source: string;
  render(context: object): string;
}

const cache = new Map<string, { stamp: string; compiled: CompiledTemplate }>();


/** Names that reach past data into JavaScript objects; no template may mention them. */
const PROTO_NAMES = new Set(['constructor', '__proto__', 'prototype', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__', 'hasOwnProperty', 'valueOf', 'toString']);

/**
 * Compiles `<layout>.hbs` in an isolated Handlebars environment with the partials of
 * `partials/`, each found by name in the project's templates folder first, then in the built-in
 * one (see layout-files.ts). Prototype access stays forbidden (Handlebars' default), helpers
 * are ours only and receive data only, and templates come only from the templates folders:
 * the layout name is checked and every file's real path must lie inside the folder it was found in.
 */
export function compileTemplate(templates: LayoutPaths | string | readonly string[], layout: string): CompiledTemplate {
  const dirs = templateDirs(templates);
  const here = () => [`layouts here: ${listLayouts(dirs).join(', ')}`];
  if (!LAYOUT_NAME.test(layout)) {
    throw new DiagnosticError([diag('error', 'layout', `bad layout name ${JSON.stringify(layout)}: a layout is a name such as \`report\``, undefined, here())]);
  }
  const found = findTemplateFile(dirs, `${layout}.hbs`);
  if (!found) {
    const near = didYouMean(layout, listLayouts(dirs));
    throw new DiagnosticError([diag('error', 'layout', `no template for layout \`${layout}\` (${layout}.hbs in ${dirs.map((d) => shownPath(d)).join(' or ') || 'no templates folder'})`, undefined, near ? [`did you mean \`${near}\`?`] : here())]);
  }
  const file = found.file;
  const stat = statOrNull(file)!;
  const partialsFound = partialFiles(dirs);
  const stamp = `${file}:${stat.mtimeMs}` + [...partialsFound].map(([, p]) => `;${p.file}:${statOrNull(p.file)?.mtimeMs ?? 0}`).join('');
  const hit = cache.get(file);
  if (hit && hit.stamp === stamp) return hit.compiled;

  const errors: Diagnostic[] = [];
  const read = (f: FoundFile): string | undefined => {
    const root = fs.realpathSync(f.root);
    const real = fs.realpathSync(f.file);
    if (!real.startsWith(root + path.sep)) {
      errors.push(diag('error', 'template-path', `${shownPath(f.file)} links outside the templates folder (to ${real})`, { file: shownPath(f.file), line: 1, column: 1 }, ['templates are loaded only from the templates folder; copy the file in']));
      return undefined;
    }
    return fs.readFileSync(real, 'utf8');
  };

  const hbs = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers)) hbs.registerHelper(name, fn as Handlebars.HelperDelegate);
  const iterations: IterationBudget = { left: LIMITS.templateIterations.value };
  hbs.registerHelper('each', countingEach(hbs.helpers['each'] as Parameters<typeof countingEach>[0], iterations) as Handlebars.HelperDelegate);
  const partialNames = [...partialsFound.keys()];
  const partials: { name: string; file: string; src: string }[] = [];
  for (const [name, pfound] of partialsFound) {
    const src = read(pfound);
    if (src !== undefined) partials.push({ name, file: pfound.file, src });
  }
  const source = read(found);
  if (source === undefined) throw new DiagnosticError(errors);
  // Sources this code linted and compiled before (in any process) need neither again.
  const key = errors.length === 0 ? specKey(partials, source) : undefined;
  let specs = key ? readSpecs(key, partials) : undefined;
  if (!specs) {
    for (const p of partials) errors.push(...lintTemplate(p.src, p.file, partialNames));
    errors.push(...lintTemplate(source, file, partialNames));
    if (errors.length > 0) throw new DiagnosticError(errors);
    specs = { partials: Object.fromEntries(partials.map((p) => [p.name, precompileChecked(hbs, p.src, p.file)])), template: precompileChecked(hbs, source, file) };
    if (key) writeSpecs(key, specs);
  }

  for (const p of partials) hbs.registerPartial(p.name, fromSpec(hbs, specs.partials[p.name]!));
  const template = fromSpec(hbs, specs.template);
  const compiled: CompiledTemplate = {
    file,
    source,
    render(context) {
      iterations.left = LIMITS.templateIterations.value;
      try {
        return template(context, {
          allowProtoPropertiesByDefault: false,
          allowProtoMethodsByDefault: false,
          allowCallsToHelperMissing: false,
        });
      } catch (e) {
        throw templateError(e, file, source);
      }
    },
  };
  cache.set(file, { stamp, compiled });
  return compiled;
}

/** Precompiles eagerly so a syntax error is reported at load, with the template's line. */
function precompileChecked(hbs: typeof Handlebars, src: string, file: string): string {
  try {
    return hbs.precompile(src, { knownHelpers: Object.fromEntries(Object.keys(helpers).map((h) => [h, true])) }) as string;
  } catch (e) {
    throw templateError(e, file, src);
  }
}

/**
 * The template of a precompiled spec, as `Handlebars.template` runs precompiled templates:
 * compiled once (`hbs.compile` would compile again on the first render). The spec is the
 * JavaScript Handlebars wrote from our own template files.
 */
function fromSpec(hbs: typeof Handlebars, spec: string): Handlebars.TemplateDelegate {
  return hbs.template(new Function(`return ${spec};`)() as TemplateSpecification);
}

interface Specs {
  partials: Record<string, string>;
  template: string;
}

/**
 * Precompiled templates are kept on disk (in jianbao's cache folder) by a hash of everything
 * that made them: the template and partial sources, the Handlebars version, the helpers, and
 * the code that lints and compiles. A process that finds them skips linting and compiling
 * (20–40 ms of a cold build); any change to the sources or that code misses and compiles.
 */
const SPEC_RECIPE = 1;
function specKey(partials: readonly { name: string; src: string }[], source: string): string {
  const h = crypto.createHash('sha256');
  h.update(JSON.stringify([SPEC_RECIPE, Handlebars.VERSION, Object.keys(helpers).sort(), BUILTIN_HELPERS, [...PROTO_NAMES], LAYOUT_NAME.source, lintTemplate.toString(), precompileChecked.toString(), fromSpec.toString()]));
  for (const p of partials) h.update('\0').update(p.name).update('\0').update(p.src);
  return h.update('\0\0').update(source).digest('hex');
}

function specsFile(key: string): string | undefined {
  const dir = cacheDir();
  return dir ? path.join(dir, 'templates', `${key}.json`) : undefined;
}

function readSpecs(key: string, partials: readonly { name: string }[]): Specs | undefined {
  const file = specsFile(key);
  if (!file) return undefined;
  try {
    const s = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Specs>;
    if (typeof s.template !== 'string' || !s.partials || partials.some((p) => typeof s.partials![p.name] !== 'string')) return undefined;
    return s as Specs;
  } catch {
    return undefined;
  }
}

function writeSpecs(key: string, specs: Specs): void {
  const file = specsFile(key);
  if (!file) return;
  try {
    const dir = path.dirname(file);
    fs.mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(specs));
    fs.renameSync(tmp, file);
    // Keep the newest 64: older ones belong to templates since edited.
    const all = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
    if (all.length > 64) {
      const byAge = all.map((f) => ({ f, t: fs.statSync(path.join(dir, f)).mtimeMs })).sort((a, b) => b.t - a.t);
      for (const { f } of byAge.slice(64)) fs.rmSync(path.join(dir, f), { force: true });
    }
  } catch {
    // no cache: the next process compiles again
  }
}
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

type HbsNode = { type: string; loc?: { start: { line: number; column: number } } } & Record<string, unknown>;

/**
 * Checks a template before it runs: every helper it calls exists, every partial it includes is
 * in partials/, no `{{{…}}}` writes content unescaped (content would become markup), no path
 * names a prototype property, and no decorators (code hooks) are used.
 */
export function lintTemplate(src: string, file: string, partialNames: readonly string[]): Diagnostic[] {
  let ast: HbsNode;
  try {
    ast = Handlebars.parse(src) as unknown as HbsNode;
  } catch (e) {
    return templateError(e, file, src).diagnostics;
  }
  const out: Diagnostic[] = [];
  const shown = shownPath(file);
  const known = [...Object.keys(helpers), ...BUILTIN_HELPERS];
  const at = (n: HbsNode) => ({ file: shown, line: n.loc?.start.line ?? 1, column: (n.loc?.start.column ?? 0) + 1 });
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object' || typeof (node as HbsNode).type !== 'string') return;
    const n = node as HbsNode;
    switch (n.type) {
      case 'MustacheStatement':
      case 'BlockStatement':
      case 'SubExpression': {
        const callee = n.path as HbsNode & { original?: unknown; type: string };
        const params = (n.params as unknown[] | undefined) ?? [];
        const isCall = params.length > 0 || Boolean(n.hash) || n.type === 'SubExpression';
        if (isCall && callee.type === 'PathExpression' && !known.includes(String(callee.original))) {
          const name = String(callee.original);
          const guess = didYouMean(name, known);
          out.push(diag('error', 'template', `unknown helper \`${name}\``, at(n), [guess ? `did you mean \`${guess}\`?` : `helpers: ${known.join(', ')}`]));
        }
        if (n.type === 'MustacheStatement' && n.escaped === false) {
          out.push(diag('error', 'template', 'unescaped output `{{{…}}}` is not allowed: content text would become markup', at(n), ['write `{{…}}`; Handlebars then escapes < > & " \'']));
        }
        if (callee.original === 'lookup') {
          for (const p of params as HbsNode[]) if (p.type === 'StringLiteral' && PROTO_NAMES.has(String(p.value))) out.push(protoDiag(String(p.value), at(n)));
        }
        break;
      }
      case 'PathExpression': {
        for (const part of (n.parts as string[] | undefined) ?? []) if (PROTO_NAMES.has(part)) out.push(protoDiag(part, at(n)));
        break;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const name = n.name as HbsNode & { original?: unknown };
        if (name.type !== 'PathExpression' && name.type !== 'StringLiteral') {
          out.push(diag('error', 'template', 'a partial must be named, not computed', at(n), [`partials: ${partialNames.join(', ') || 'none'}`]));
        } else {
          const pname = String(name.original ?? (name as { value?: unknown }).value);
          if (!partialNames.includes(pname)) {
            const guess = didYouMean(pname, partialNames);
            out.push(diag('error', 'template', `no partial \`${pname}\` in partials/`, at(n), [guess ? `did you mean \`${guess}\`?` : `partials: ${partialNames.join(', ') || 'none'}`]));
          }
        }
        break;
      }
      case 'Decorator':
      case 'DecoratorBlock':
        out.push(diag('error', 'template', 'decorators `{{* …}}` are not allowed in templates', at(n)));
        break;
    }
    for (const [key, child] of Object.entries(n)) if (key !== 'loc' && key !== 'strip' && child && typeof child === 'object') visit(child);
  };
  visit(ast);
  return out;
}

function protoDiag(name: string, pos: { file: string; line: number; column: number }): Diagnostic {
  return diag('error', 'template', `\`${name}\` is not data: templates may not reach into JavaScript objects`, pos, ['use the fields of the content (article.title, article.body, …)']);
}

/** A Handlebars or helper error as a diagnostic at the template line that caused it. */
function templateError(e: unknown, file: string, src: string): DiagnosticError {
  const shown = shownPath(file);
  if (e instanceof DiagnosticError) return e;
  if (e instanceof HelperError) {
    return new DiagnosticError([diag('error', e.rule, e.message, { file: shown, line: e.loc?.start.line ?? 1, column: (e.loc?.start.column ?? 0) + 1 })]);
  }
  const message = e instanceof Error ? e.message : String(e);
  const err = e as { lineNumber?: number; column?: number };
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(message);
  if (mismatch) {
    const [, open, close] = mismatch;
    const lines = src.split('\n');
    const from = (err.lineNumber ?? 1) - 1;
    const row = lines.findIndex((l, i) => i >= from && new RegExp(`\\{\\{~?\\/\\s*${escapeRe(close!)}\\b`).test(l));
    const pos = row >= 0 ? { file: shown, line: row + 1, column: lines[row]!.search(/\{\{~?\//) + 1 } : { file: shown, line: err.lineNumber ?? 1, column: (err.column ?? 0) + 1 };
    return new DiagnosticError([diag('error', 'template', `\`{{/${close}}}\` does not close \`{{#${open}}}\` (opened at line ${err.lineNumber ?? '?'})`, pos, [`close it with \`{{/${open}}}\``])]);
  }
  const parse = /^Parse error on line (\d+):\n(.*)\n(-*)\^\n(.*)/.exec(message);
  if (parse) {
    const line = Number(parse[1]);
    const upcoming = parse[2]!.slice(parse[3]!.length).replace(/\.\.\.$/, '');
    const lineText = src.split('\n')[line - 1] ?? '';
    const head = upcoming.slice(0, Math.max(1, Math.min(upcoming.length, 6)));
    const col = head ? lineText.indexOf(head) : -1;
    return new DiagnosticError([
      diag('error', 'template', `syntax error: ${parse[4]!.replace(/^Expecting/, 'expecting')}`, { file: shown, line, column: col >= 0 ? col + 1 : 1 }, ['check that every `{{` has its `}}` and every block `{{#…}}` its `{{/…}}`']),
    ]);
  }
  const first = message.split('\n')[0] ?? message;
  const loc = / - (\d+):(\d+)$/.exec(first);
  const line = err.lineNumber ?? (loc ? Number(loc[1]) : 1);
  const column = (err.column ?? (loc ? Number(loc[2]) : 0)) + 1;
  return new DiagnosticError([diag('error', 'template', first.replace(/ - \d+:\d+$/, ''), { file: shown, line, column })]);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}


function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

