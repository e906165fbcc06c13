import type { LogCore } from '../runner/core.js';
import { Redactor } from './redact.js';

/**
 * The runner's core with every human-readable write (log, annotations, step summary) passed
 * through one Redactor, which learns each secret as it is masked. Outputs and state carry the
 * token on purpose and are left as they are.
 */
export function withRedaction<C extends LogCore>(core: C, redactor = new Redactor()): C {
  return {
    ...core,
    setSecret: (secret) => {
      redactor.add(secret);
      core.setSecret(secret);
    },
    debug: (message) => {
      core.debug(redactor.apply(message));
    },
    info: (message) => {
      core.info(redactor.apply(message));
    },
    warning: (message) => {
      core.warning(redactor.apply(message));
    },
    setFailed: (message) => {
      core.setFailed(redactor.apply(message));
    },
    appendSummary: (markdown) => {
      core.appendSummary(redactor.apply(markdown));
    },
  };
}
