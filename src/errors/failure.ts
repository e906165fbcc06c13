/**
 * The network calls the action makes; each failure names the one it came from. `index`: the
 * check of a workspace reading the registry's sparse index (no credentials go there).
 */
export type Call = 'id-token' | 'exchange' | 'revoke' | 'index';

/** A crate of the workspace, as the check of a workspace names it. */
export interface CrateVersion {
  name: string;
  version: string;
}

/**
 * Every expected way the action can fail, as data. They become words in one place,
 * `describe.ts`, so that the wording and the no-secrets rule are kept in one file.
 */
export type Failure =
  /** `value` is shown redacted and cut; `tooLong` leaves it out altogether. */
  | { kind: 'invalid-input'; input: string; value: string; problem: string; tooLong?: boolean }
  /** An input that the other inputs make necessary; `reason` says which and why. */
  | { kind: 'missing-input'; input: string; reason: string }
  /**
   * A value the runner gave the step that cannot be used; its value is never shown.
   * `cargoPath`: a path the credential provider's wrapper cannot hold (a space; on Windows, a
   * character that is not ASCII), where only another runner, or no provider, helps.
   */
  | { kind: 'bad-environment'; variable: string; problem: string; cargoPath?: boolean }
  /** A runner file (GITHUB_OUTPUT, GITHUB_STATE, ...) that could not be written. */
  | { kind: 'runner-file'; variable: string; code: string }
  /** cargo's request to the credential provider could not be read. */
  | { kind: 'cargo-request'; problem: string }
  /**
   * The credential provider's token record could not be read (`code`), or was refused as
   * tampered with (`problem`, such as "it is a symbolic link"), or some of its lines could not.
   */
  | { kind: 'token-record'; code: string; skippedLines: number; problem?: string }
  /** What main left for post that post refuses to use, such as a URL it would not send a token to. */
  | { kind: 'invalid-state'; name: string; where: string; value: string; problem: string }
  /** The `workspace` input names a directory without a Cargo.toml (`dir` as resolved). */
  | { kind: 'no-manifest'; dir: string }
  /** cargo could not be started to read the workspace (`code`: ENOENT when it is not on PATH). */
  | { kind: 'no-cargo'; dir: string; code: string }
  /**
   * `cargo metadata` refused the workspace or gave no answer that reads: `problem` says which
   * (an exit code, a timeout, output that is not its JSON), `said` is cargo's own stderr.
   */
  | { kind: 'cargo-metadata'; dir: string; problem: string; said: string }
  /** Crates to be released that the registry does not have at all: trusted publishing cannot create them. */
  | { kind: 'new-crates'; crates: CrateVersion[]; index: string; registry: string }
  /**
   * The registry's sparse index could not be read (after its retries): the check advises only,
   * so this is a warning. `crate` is the one whose file failed, `last` why.
   */
  | {
      kind: 'index-unreadable';
      index: string;
      crate: string | undefined;
      last: Failure;
      attempts?: Attempts;
    }
  /** No sparse index to check: `git` (an index cargo reads with git) or `unknown` (none configured). */
  | { kind: 'index-unknown'; registry: string; reason: 'git' | 'unknown'; index: string }
  /** The index's config.json says `auth-required`: the check sends no credentials to an index. */
  | { kind: 'index-auth-required'; index: string }
  /** No ACTIONS_ID_TOKEN_REQUEST_* variables; `fromFork` when a fork's pull request is why. */
  | { kind: 'no-id-token'; fromFork: boolean }
  | { kind: 'network'; call: Call; target: string; code: string }
  /** The request could not be formed on this machine: nothing was sent, and waiting cannot help. */
  | { kind: 'unsendable'; call: Call; target: string; problem: string }
  | { kind: 'unknown-host'; call: Call; target: string }
  | { kind: 'tls'; call: Call; target: string; code: string }
  /** `timeoutMs` is what the attempt had; `limitMs` what a full attempt has (more when the budget cut it). */
  | { kind: 'timeout'; call: Call; target: string; timeoutMs: number; limitMs: number }
  | { kind: 'redirect'; call: Call; target: string; status: number; location: string | undefined }
  | {
      kind: 'http-status';
      call: Call;
      target: string;
      status: number;
      /** The server's own words: crates.io `errors[].detail`, or GitHub's `message`. */
      details: string[];
      /** Set when the body was not the JSON the server should send (an HTML page, say). */
      unexpectedBody: BodyDescription | undefined;
    }
  | { kind: 'malformed-response'; call: Call; target: string; status: number; problem: string }
  | {
      kind: 'out-of-time';
      call: Call;
      target: string;
      budgetMs: number;
      last: Failure | undefined;
    };

/** A body that is not the JSON the server should send: described, never echoed. */
export interface BodyDescription {
  contentType: string;
  bytes: number;
  /** Longer than the action reads: `bytes` is where it stopped. */
  truncated: boolean;
}

/** How many tries a failure took, when it was retried; the message says so. */
export interface Attempts {
  made: number;
  max: number;
}

/**
 * What marks an ActionFailure. The parts a step loads only when asked (the check of a
 * workspace, post's release report) are bundles of their own, each with its own copy of this
 * class (scripts/build.mjs): `instanceof` asks for the mark, so that main and post know a
 * failure thrown by either copy.
 */
const ACTION_FAILURE = Symbol.for('auth-action.ActionFailure');

export class ActionFailure extends Error {
  readonly [ACTION_FAILURE] = true;

  constructor(
    readonly failure: Failure,
    readonly attempts?: Attempts,
  ) {
    super(failure.kind);
    this.name = 'ActionFailure';
  }

  static override [Symbol.hasInstance](value: unknown): value is ActionFailure {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { [ACTION_FAILURE]?: unknown })[ACTION_FAILURE] === true
    );
  }
}

/**
 * Runs a write (or read) of a runner file; an error becomes a `runner-file` failure naming
 * the runner's variable, not an unexpected error, and not something a retry could fix.
 */
export function onRunnerFile<T>(variable: string, use: () => T): T {
  try {
    return use();
  } catch (error) {
    const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
    const known =
      typeof code === 'string'
        ? code
        : // @actions/core says only this when the file is not there.
          typeof message === 'string' && message.startsWith('Missing file')
          ? 'ENOENT'
          : 'EUNKNOWN';
    throw new ActionFailure({ kind: 'runner-file', variable, code: known });
  }
}
