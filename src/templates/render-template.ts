import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { diag, DiagnosticError } from '../diagnostics/index.js';
import { helpers } from './helpers.js';

/** A compiled layout template, bound to its file for error messages. */
export interface CompiledTemplate {
  file: string;
  source: string;
  render(context: object): string;
}

const cache = new Map<string, { mtimeMs: number; compiled: CompiledTemplate }>();

/**
 * Compiles `templates/<layout>.hbs` in an isolated Handlebars environment with the partials
 * of `templates/partials/`. Prototype access stays forbidden (Handlebars' default), helpers
 * are ours only, and templates come only from the templates folder.
 */
export function compileTemplate(templatesDir: string, layout: string): CompiledTemplate {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(layout)) throw new DiagnosticError([diag('error', 'layout', `bad layout name ${JSON.stringify(layout)}`)]);
  const file = path.join(templatesDir, `${layout}.hbs`);
  const stat = statOrNull(file);
  if (!stat) throw new DiagnosticError([diag('error', 'layout', `no template for layout \`${layout}\` (${file})`, undefined, [`layouts here: ${listLayouts(templatesDir).join(', ')}`])]);
  const partialsDir = path.join(templatesDir, 'partials');
  const partialFiles = fs.existsSync(partialsDir) ? fs.readdirSync(partialsDir).filter((f) => f.endsWith('.hbs')).sort() : [];
  const stamp = stat.mtimeMs + partialFiles.reduce((s, f) => s + (statOrNull(path.join(partialsDir, f))?.mtimeMs ?? 0), 0);
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === stamp) return hit.compiled;

  const hbs = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers)) hbs.registerHelper(name, fn as Handlebars.HelperDelegate);
  const sources = new Map<string, string>();
  for (const f of partialFiles) {
    const pfile = path.join(partialsDir, f);
    const src = fs.readFileSync(pfile, 'utf8');
    sources.set(pfile, src);
    hbs.registerPartial(f.replace(/\.hbs$/, ''), precompileChecked(hbs, src, pfile));
  }
  const source = fs.readFileSync(file, 'utf8');
  const template = precompileChecked(hbs, source, file);
  const compiled: CompiledTemplate = {
    file,
    source,
    render(context) {
      try {
        return template(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (e) {
        throw templateError(e, file);
      }
    },
  };
  cache.set(file, { mtimeMs: stamp, compiled });
  return compiled;
}

/** Compiles eagerly so a syntax error is reported at load, with the template's line. */
function precompileChecked(hbs: typeof Handlebars, src: string, file: string): Handlebars.TemplateDelegate {
  try {
    hbs.precompile(src, { strict: false });
    return hbs.compile(src, { knownHelpers: Object.fromEntries(Object.keys(helpers).map((h) => [h, true])) });
  } catch (e) {
    throw templateError(e, file);
  }
}

function templateError(e: unknown, file: string): DiagnosticError {
  const message = e instanceof Error ? e.message : String(e);
  const lineMatch = /(?:Parse error on line|line) (\d+)/i.exec(message);
  const colMatch = /column (\d+)/i.exec(message);
  const shown = path.relative(process.cwd(), file) || file;
  const first = message.split('\n').filter((l) => !/^-*\^$/.test(l.trim()))[0] ?? message;
  return new DiagnosticError([
    diag('error', 'template', first.replace(/^Parse error on line \d+:?\s*/, 'syntax error: '), {
      file: shown,
      line: lineMatch ? Number(lineMatch[1]) : 1,
      column: colMatch ? Number(colMatch[1]) + 1 : 1,
    }),
  ]);
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

export function listLayouts(templatesDir: string): string[] {
  try {
    return fs.readdirSync(templatesDir).filter((f) => f.endsWith('.hbs')).map((f) => f.replace(/\.hbs$/, '')).sort();
  } catch {
    return [];
  }
}
