/**
 * The network calls the action makes; each failure names the one it came from. `index`: the
 * check of a workspace reading the registry's sparse index (no credentials go there).
 */
export type Call = 'id-token' | 'exchange' | 'revoke' | 'index';

/**
 * The values the runner gives a step that the action refuses to use, and the only names a
 * `bad-environment` failure can carry: the ID token service's variables (src/runner/
 * environment.ts), and the paths the credential provider's wrapper must hold
 * (src/provider/install-provider.ts). A proxy variable is not among them: one that is not a URL
 * is found when a request is formed, and reported as `unsendable`.
 */
export type RunnerValue =
  | 'ACTIONS_ID_TOKEN_REQUEST_URL'
  | 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'
  | 'RUNNER_TEMP'
  | 'node executable'
  | 'action folder';

/** A crate of the workspace, as the check of a workspace names it. */
export interface CrateVersion {
  name: string;
  version: string;
}

/** A crate the registry does not have under its name; `knownAs` when it has it under another spelling. */
export interface NewCrate extends CrateVersion {
  knownAs?: string;
}

/**
 * A member to be published that needs another crate of the workspace from the registry (one
 * this release does not publish), where no version cargo can select matches its requirement:
 * `missing` when the registry does not have that crate at all, else `yanked` lists the
 * matching versions, all yanked (none: nothing matches).
 */
export interface DependencyProblem {
  crate: CrateVersion;
  dependency: string;
  req: string;
  missing: boolean;
  yanked: string[];
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
  | { kind: 'bad-environment'; variable: RunnerValue; problem: string; cargoPath?: boolean }
  /** A runner file (GITHUB_OUTPUT, GITHUB_STATE, ...) that could not be written. */
  | { kind: 'runner-file'; variable: string; code: string }
  /** cargo's request to the credential provider could not be read. */
  | { kind: 'cargo-request'; problem: string }
  /**
   * The credential provider's token record could not be read (`code`; one that is gone is a
   * `record-lost`), or was refused as tampered with (`problem`, such as "it is a symbolic
   * link"), or some of its lines could not.
   */
  | { kind: 'token-record'; code: string; skippedLines: number; problem?: string }
  /**
   * Tokens the count names that the record no longer holds (`gone`: no record at all): a step
   * of the job deleted, emptied or rewrote it. Seen by post, or by the provider as it goes on.
   */
  | { kind: 'record-lost'; missing: number; gone: boolean; seenBy: 'post' | 'provider' }
  /** The count of minted tokens cannot be relied on (`problem`): the record cannot be checked. */
  | { kind: 'record-count'; problem: string; seenBy: 'post' | 'provider' }
  /** Tokens in the record that the provider did not write there, and how many were revoked. */
  | { kind: 'record-foreign'; tokens: number; revoked: number }
  /** Post's budget ran out: `untried` tokens were not sent, or the record was not read to its end. */
  | { kind: 'record-out-of-time'; untried: number; unread: boolean; budgetMs: number }
  /** The provider's folder named in state is not the one main made (`problem`). */
  | { kind: 'provider-folder'; path: string; problem: string }
  /** What main left for post that post refuses to use, such as a URL it would not send a token to. */
  | { kind: 'invalid-state'; name: string; where: string; value: string; problem: string }
  /**
   * The `workspace` input names no directory with a Cargo.toml (`dir` as resolved): `found` is
   * what is there, a directory without one, a file (such as the Cargo.toml itself) or nothing.
   */
  | { kind: 'no-manifest'; dir: string; found: 'directory' | 'file' | 'nothing' }
  /** cargo could not be started to read the workspace (`code`: ENOENT when it is not on PATH). */
  | { kind: 'no-cargo'; dir: string; code: string }
  /**
   * `cargo metadata` refused the workspace or gave no answer that reads: `problem` says which
   * (an exit code, a timeout, output that is not its JSON), `said` is cargo's own stderr.
   */
  | { kind: 'cargo-metadata'; dir: string; problem: string; said: string }
  /** Crates to be released that the registry does not have at all: trusted publishing cannot create them. */
  | { kind: 'new-crates'; crates: NewCrate[]; index: string; registry: string }
  /** Members to be published whose dependencies cargo could not select from the registry. */
  | { kind: 'dependency-problems'; problems: DependencyProblem[]; index: string }
  /** Members released to a registry with a name or version that crates.io's rules refuse. */
  | { kind: 'registry-rules'; crates: CrateVersion[]; registry: string }
  /**
   * A warning: index lines that cargo does not read as versions, for crates whose version no
   * line that it reads lists (`why`: the first such line's fault). They count for nothing.
   */
  | {
      kind: 'index-lines';
      index: string;
      crates: { crate: CrateVersion; lines: number; why: string }[];
    }
  /** A warning: under `new-crates: skip`, the new crates and the members that need them are left out. */
  | {
      kind: 'crates-skipped';
      registry: string;
      skipped: NewCrate[];
      held: { crate: CrateVersion; on: string }[];
    }
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
  /**
   * cargo's configuration leaves the check unsure which index `cargo publish` will use: a
   * warning, and every crate to release counts as unpublished (cargo's own check stands).
   */
  | { kind: 'index-doubt'; registry: string; doubt: ConfigDoubt }
  /** The index's config.json says `auth-required`: the check sends no credentials to an index. */
  | { kind: 'index-auth-required'; index: string }
  /**
   * At the end of the job, versions that were to go out and that the registry's index does not
   * list. `workspace`: the check of a workspace found them to publish, so a re-run of the job
   * publishes what is left; otherwise they are uploads cargo asked the provider a token for.
   */
  | { kind: 'not-out'; crates: CrateVersion[]; index: string; workspace: boolean }
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

/** Where a setting of cargo's came from: a configuration file, or a variable. */
export type Origin = { file: string } | { variable: string };

/**
 * Why the check cannot be sure which index cargo will use, as data. Each is a configuration
 * that cargo itself stops on, or one that may send `cargo publish` to another index; a doubt
 * never makes the check read a farther file instead. Paths and values come from the files.
 */
export type ConfigDoubt =
  /** A file cargo reads that the check cannot: `problem` ends a sentence ("it is a directory"). */
  | { kind: 'unreadable'; file: string; problem: string }
  /** A file that does not parse as TOML: where, in the parser's words. */
  | { kind: 'not-toml'; file: string; problem: string }
  /** A float or a date-time (`type`) at `key`: cargo's configuration holds neither. */
  | { kind: 'unsupported-value'; file: string; key: string; type: string }
  /** An `include` in `file` that cargo refuses or that cannot be followed: `problem` says which. */
  | { kind: 'include'; file: string; problem: string }
  /** `key` is a table or an array in one file and something else in the other: cargo stops. */
  | { kind: 'conflict'; key: string; file: string; other: string }
  /** The setting that decides (`key`) has a value cargo cannot use: `problem` says why. */
  | { kind: 'bad-setting'; key: string; from: Origin; problem: string }
  /**
   * For crates.io: a setting that sends `cargo publish` (without `--registry`) to another
   * registry, or makes it read another index than the one the check reads.
   */
  | {
      kind: 'elsewhere';
      setting: 'registry.default' | 'registry.index' | 'replace-with' | 'protocol';
      from: Origin;
      value: string;
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
