import type { LogCore } from '../runner/core.js';
import { noWorkflowCommand, Redactor } from './redact.js';

/**
 * The runner's core with every human-readable write (log, annotations, step summary) passed
 * through one Redactor, which learns each secret as it is masked. Outputs and state carry the
 * token on purpose and are left as they are. No line of the log can be a workflow command,
 * even one whose outside value missed shown(): the runner reads the log for them.
 */
export function withRedaction<C extends LogCore>(core: C, redactor = new Redactor()): C {
  const forLog = (message: string) =>
    // The runner ends a line at a lone \r too (ReadLineAsync), so each such piece is a line.
    redactor
      .apply(message)
      .split(/\r\n|\r|\n/)
      .map(noWorkflowCommand)
      .join('\n');
  return {
    ...core,
    setSecret: (secret) => {
      redactor.add(secret);
      core.setSecret(secret);
    },
    debug: (message) => {
      core.debug(forLog(message));
    },
    info: (message) => {
      core.info(forLog(message));
    },
    warning: (message) => {
      core.warning(forLog(message));
    },
    setFailed: (message) => {
      core.setFailed(forLog(message));
    },
    appendSummary: (markdown) => {
      core.appendSummary(redactor.apply(markdown));
    },
  };
}
