/**
 * The part of @actions/core the action uses. Flows take it as a parameter, so tests can
 * drive them and the entry files wire in the real module.
 */
export interface Core {
  getInput(name: string): string;
  getState(name: string): string;
  setSecret(secret: string): void;
  setOutput(name: string, value: string): void;
  saveState(name: string, value: string): void;
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  setFailed(message: string): void;
  /** Appends Markdown (ending in a newline) to the step summary on the run page. */
  appendSummary(markdown: string): void;
}
