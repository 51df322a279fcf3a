import { execFileSync, spawnSync } from 'node:child_process';

/** Finds a client program on PATH; a missing one fails the test that needs it, never passes it. */
export function requireClient(name: string, debianPackage: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const path = found.stdout.trim();
  if (found.status !== 0 || !path) {
    throw new Error(`${name} is not installed; install the Debian package ${debianPackage} (apt-get install ${debianPackage})`);
  }
  return path;
}

export function run(cmd: string, args: string[], opts: { cwd?: string; timeout?: number } = {}): string {
  return execFileSync(cmd, args, { encoding: 'utf8', timeout: opts.timeout ?? 120_000, cwd: opts.cwd, maxBuffer: 64 << 20 });
}

/** Converts a DOCX to PDF with LibreOffice headless, in its own profile so runs do not collide. */
export function libreOfficeToPdf(docx: string, outDir: string, profile: string): string {
  const soffice = requireClient('soffice', 'libreoffice-writer-nogui');
  run(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], { timeout: 170_000 });
  return `${outDir}/${docx.split('/').pop()!.replace(/\.docx$/, '.pdf')}`;
}
