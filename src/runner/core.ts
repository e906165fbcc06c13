/**
 * What every entry point writes for people: the log, annotations, the step summary, and the
 * masks that keep secrets out of them. The provider has these too (on stderr).
 */
export interface LogCore {
  setSecret(secret: string): void;
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  setFailed(message: string): void;
  /** Appends Markdown (ending in a newline) to the step summary on the run page. */
  appendSummary(markdown: string): void;
}

/**
 * The part of @actions/core the action's steps use. Flows take it as a parameter, so tests can
 * drive them and the entry files wire in the real module.
 */
export interface Core extends LogCore {
  getInput(name: string): string;
  getState(name: string): string;
  setOutput(name: string, value: string): void;
  saveState(name: string, value: string): void;
  /** For the later steps of the job (GITHUB_ENV). */
  exportVariable(name: string, value: string): void;
}
