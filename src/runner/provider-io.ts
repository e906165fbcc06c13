import { appendFileSync } from 'node:fs';
import type { LogCore } from './core.js';

/** The runner's escaping of a workflow command's data, as @actions/core does it. */
const commandData = (text: string): string =>
  text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/**
 * The provider's side of the runner. stdout is cargo's: the provider speaks only the protocol
 * there. stderr is the step's log, where the runner also reads workflow commands, so masks
 * and annotations go there, as @actions/core would print them on stdout.
 */
export function stderrCore(env: NodeJS.ProcessEnv = process.env): LogCore {
  const line = (text: string) => {
    process.stderr.write(`${text}\n`);
  };
  return {
    setSecret: (secret) => {
      line(`::add-mask::${commandData(secret)}`);
    },
    debug: (message) => {
      if (env.RUNNER_DEBUG === '1') line(`::debug::${commandData(message)}`);
    },
    info: line,
    warning: (message) => {
      line(`::warning::${commandData(message)}`);
    },
    setFailed: (message) => {
      line(`::error::${commandData(message)}`);
    },
    appendSummary: (markdown) => {
      // The summary of the step that runs cargo; skipped where there is none.
      const file = env.GITHUB_STEP_SUMMARY;
      if (!file) return;
      try {
        appendFileSync(file, markdown, 'utf8');
      } catch {
        // A summary is an extra.
      }
    },
  };
}

/** The write's callback reports a broken pipe; the stream's 'error' event must not end the process. */
let stdoutGuarded = false;

/** Writes one protocol line to cargo and waits until it is handed to the pipe. */
export function writeToCargo(text: string): Promise<void> {
  if (!stdoutGuarded) {
    process.stdout.on('error', () => undefined);
    stdoutGuarded = true;
  }
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => {
      if (error) reject(error);
      else resolve();
    });
  });
}

/**
 * cargo's request: the first line on stdin. cargo sends it as soon as it has read the hello;
 * if none comes within `timeoutMs` (the provider run by hand, say), '' ends the wait.
 */
export function readRequestLine(timeoutMs: number): Promise<string> {
  return new Promise((resolve) => {
    let buffered = '';
    const finish = (line: string) => {
      clearTimeout(timer);
      process.stdin.off('data', onData);
      process.stdin.off('end', onEnd);
      process.stdin.off('error', onError);
      // Nothing more is read: let the process end once the answer is out.
      process.stdin.destroy();
      resolve(line);
    };
    const onData = (chunk: string) => {
      buffered += chunk;
      const end = buffered.indexOf('\n');
      if (end !== -1) finish(buffered.slice(0, end));
      else if (buffered.length > 1 << 20) finish('');
    };
    const onEnd = () => {
      finish(buffered);
    };
    // A stdin that breaks is a request that never came.
    const onError = () => {
      finish('');
    };
    const timer = setTimeout(() => {
      finish('');
    }, timeoutMs);
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', onData);
    process.stdin.on('end', onEnd);
    process.stdin.on('error', onError);
  });
}
