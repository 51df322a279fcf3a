/**
 * Bad usage: an unknown flag or option, a missing argument, a command run where there is no
 * project. The CLI prints it with its hints and exits 2; the library throws it for options that
 * do not fit (`build({ inputs: 'a.yaml' })`).
 */
export class UsageError extends Error {
  override name = 'UsageError';
  readonly hints: string[];
  constructor(message: string, hints: readonly string[] = []) {
    super(message);
    this.hints = [...hints];
  }
}
