import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { NODE24 } from './node24.js';
import { baseEnvironment, spawnable } from './platform.js';
import { removeTree } from './remove-tree.js';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The action as a workflow names it in the README: `uses: org/auth-action@v1`. */
export const ACTION_REPOSITORY = 'org/auth-action';
export const ACTION_REF = 'v1';
/** Where the summary's links to the docs point, with the runner's variables above. */
export const DOCS_URL = `https://github.com/${ACTION_REPOSITORY}/blob/${ACTION_REF}/docs/`;

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
}

export interface StepResult {
  exitCode: number | null;
  outputs: Record<string, string>;
  state: Record<string, string>;
  /** GITHUB_STEP_SUMMARY as the action wrote it (the rig checks it before any masking). */
  summary: string;
  /** Annotations as the run page shows them, masked. */
  annotations: Annotation[];
  /** Every line the process printed, workflow commands included, unmasked. */
  rawLog: string[];
  /** The log as a user sees it on GitHub: commands interpreted, secrets masked as registered. */
  log: string[];
  /** Values registered with ::add-mask::, in this step or an earlier one of its job. */
  masks: string[];
  /** The heredoc delimiters of GITHUB_OUTPUT and GITHUB_STATE, in the order written. */
  delimiters: string[];
  /** What the step appended to GITHUB_ENV, for the job's later steps. */
  exported: Record<string, string>;
  /** With `stdoutToCaller`: what the command wrote on stdout (otherwise in the log). */
  stdout: string;
  /** The name of every line the runner read as a workflow command, in order. */
  commands: string[];
}

export interface CommandOptions {
  cwd?: string;
  input?: string;
  stdoutToCaller?: boolean;
}

export interface StepOptions {
  /** The step's `with:`; action.yml defaults fill the rest. */
  with?: Record<string, string>;
  /** Extra environment: proxies, CA files, ACTIONS_ID_TOKEN_REQUEST_*. */
  env?: Record<string, string>;
  /** The event payload behind GITHUB_EVENT_PATH. */
  event?: unknown;
  /** Secrets the runner knows before the step starts (the ID token request token). */
  knownSecrets?: string[];
  /** A safety net: the process is killed after this long (the action's own timeouts come first). */
  killAfterMs?: number;
  /**
   * The folder that stands for the action's repository, whose action.yml paths (dist/main.js)
   * are run: this repository by default, or a copy with files left out.
   */
  actionRoot?: string;
}

interface ActionYml {
  inputs?: Record<string, { default?: string }>;
  runs: { using: string; main: string; post: string };
}

async function actionYml(): Promise<ActionYml> {
  return parse(await readFile(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;
}

/** INPUT_<NAME>: upper-cased, spaces to underscores, hyphens kept; every declared input is set. */
export async function inputEnv(
  withInputs: Record<string, string>,
): Promise<Record<string, string>> {
  const declared = (await actionYml()).inputs ?? {};
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(declared)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = withInputs[name] ?? spec.default ?? '';
  }
  return env;
}

/** The runner's file-command format: NAME=VALUE, or NAME<<DELIM, lines, DELIM. */
export function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    const equals = line.indexOf('=');
    if (heredoc && (equals === -1 || heredoc.index + (heredoc[1]?.length ?? 0) < equals)) {
      const [, name = '', delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
      if (i >= lines.length) throw new Error(`file command ${name}: no closing delimiter`);
      result[name] = value.join('\n');
    } else if (equals > 0) {
      result[line.slice(0, equals)] = line.slice(equals + 1);
    } else {
      throw new Error(`malformed file command line: ${line}`);
    }
  }
  return result;
}

/** The delimiters of a file-command text's NAME<<DELIM entries (lines end in LF or CRLF). */
export function heredocDelimiters(text: string): string[] {
  return [...text.matchAll(/^[^=<\r\n]+<<([^\r\n]+)\r?$/gm)].map((match) => match[1] ?? '');
}

/** The commands the runner registers (actions/runner ActionCommandManager), stop-commands too. */
const REGISTERED = new Set([
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'stop-commands',
  'warning',
]);

/**
 * A line as the runner reads it (ActionCommand.TryParseV2, then TryParse): `::name ...::data`
 * after leading blanks, or the legacy `##[name ...]data` anywhere in the line, for a
 * registered name.
 */
export function workflowCommand(line: string): { name: string; data: string } | undefined {
  // .NET's TrimStart: JavaScript's blanks, and U+0085 (NEL) too.
  const v2 = /^::([^ :]+)(?: [^:]*)?::(.*)$/s.exec(line.replace(/^[\s\u0085]+/, ''));
  const v1 = v2 ? null : /##\[([^ \]]+)(?: [^\]]*)?\](.*)$/s.exec(line);
  const [, name = '', data = ''] = v2 ?? v1 ?? [];
  return REGISTERED.has(name) ? { name, data } : undefined;
}

/** A line as the runner shows it: without the CR of a CRLF ending. */
export const withoutCr = (line: string): string => line.replace(/\r$/, '');

const unescapeData = (s: string) =>
  s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

/** The runner's SecretMasker: every registered value becomes ***. */
function mask(line: string, secrets: string[]): string {
  let out = line;
  for (const secret of secrets) if (secret !== '') out = out.split(secret).join('***');
  return out;
}

/**
 * One job on the runner: what outlives a step. RUNNER_TEMP is the job's (a step of the action
 * may leave files there for later steps), variables appended to GITHUB_ENV reach every later
 * step, and a registered mask holds for the rest of the job.
 */
export class Job {
  /** Variables exported through GITHUB_ENV so far. */
  readonly env: Record<string, string> = {};
  /** Values registered with ::add-mask:: so far, in any step. */
  readonly masks: string[] = [];

  private constructor(readonly runnerTemp: string) {}

  static async start(): Promise<Job> {
    return new Job(await mkdtemp(join(tmpdir(), 'auth-action-job-')));
  }

  /** The end of the job: the runner empties RUNNER_TEMP. */
  async end(): Promise<void> {
    await removeTree(this.runnerTemp);
  }

  /** One phase of the action, as the runner launches a node24 action. */
  async runAction(
    phase: 'main' | 'post',
    options: StepOptions & { stateIn?: Record<string, string> },
  ): Promise<StepResult> {
    const yml = await actionYml();
    if (yml.runs.using !== 'node24') throw new Error(`action.yml runs.using is ${yml.runs.using}`);
    const script = join(
      options.actionRoot ?? ROOT,
      phase === 'main' ? yml.runs.main : yml.runs.post,
    );
    const state = Object.fromEntries(
      Object.entries(options.stateIn ?? {}).map(([k, v]) => [`STATE_${k}`, v]),
    );
    return this.runProcess(NODE24, [script], options, {
      // What the runner sets for a step that runs an action: where it comes from, and which
      // version (the README's `uses: org/auth-action@v1`).
      GITHUB_ACTION_REPOSITORY: ACTION_REPOSITORY,
      GITHUB_ACTION_REF: ACTION_REF,
      ...(await inputEnv(options.with ?? {})),
      ...state,
    });
  }

  /**
   * A `run:` step: a command with the job's environment, its output read as the runner does.
   * A test may stand in for cargo before a credential provider: `input` goes to its stdin,
   * and with `stdoutToCaller` its stdout comes back as `stdout`, not into the log.
   */
  runCommand(
    command: string,
    args: string[],
    options: StepOptions & CommandOptions,
  ): Promise<StepResult> {
    return this.runProcess(command, args, options, {});
  }

  private async runProcess(
    command: string,
    args: string[],
    options: StepOptions & CommandOptions,
    stepEnv: Record<string, string>,
  ): Promise<StepResult> {
    const dir = await mkdtemp(join(tmpdir(), 'auth-action-step-'));
    try {
      const files = {
        GITHUB_OUTPUT: join(dir, 'output'),
        GITHUB_STATE: join(dir, 'state'),
        GITHUB_ENV: join(dir, 'env'),
        GITHUB_PATH: join(dir, 'path'),
        GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
      };
      for (const file of Object.values(files)) await writeFile(file, '');
      const eventPath = join(dir, 'event.json');
      await writeFile(eventPath, JSON.stringify(options.event ?? {}));
      const env: Record<string, string> = {
        ...baseEnvironment(process.platform, process.env),
        HOME: dir,
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: dir,
        RUNNER_TEMP: this.runnerTemp,
        GITHUB_REPOSITORY: 'rust-lang-demo/hello-tp',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: eventPath,
        ...this.env,
        ...files,
        ...stepEnv,
        ...options.env,
      };
      const masks: string[] = [...this.masks, ...(options.knownSecrets ?? [])];
      const rawLog: string[] = [];
      const log: string[] = [];
      const annotations: Annotation[] = [];
      const commands: string[] = [];
      const onLine = (line: string) => {
        rawLog.push(line);
        const found = workflowCommand(line);
        if (found === undefined) {
          log.push(mask(line, masks));
          return;
        }
        commands.push(found.name);
        const { name, data } = found;
        const message = unescapeData(data);
        if (name === 'add-mask') {
          masks.push(message);
          this.masks.push(message);
        } else if (name === 'error' || name === 'warning' || name === 'notice') {
          const shown = mask(message, masks);
          annotations.push({ level: name, message: shown });
          log.push(`${name[0]?.toUpperCase() ?? ''}${name.slice(1)}: ${shown}`);
        } else if (name === 'debug') {
          log.push(mask(`##[debug]${message}`, masks));
        } else {
          log.push(mask(`##[${name}]${message}`, masks));
        }
      };
      let captured = '';
      const exitCode = await new Promise<number | null>((resolve, reject) => {
        const how = spawnable(process.platform, command, args, env);
        const child = spawn(how.command, how.args, {
          cwd: options.cwd ?? dir,
          env,
          stdio: 'pipe',
          windowsVerbatimArguments: how.windowsVerbatimArguments,
        });
        child.stdin.end(options.input ?? '');
        const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 120_000);
        let stdout = '';
        if (options.stdoutToCaller) {
          child.stdout.setEncoding('utf8');
          child.stdout.on('data', (chunk: string) => (stdout += chunk));
        }
        const logged = options.stdoutToCaller ? [child.stderr] : [child.stdout, child.stderr];
        // The runner reads workflow commands on both streams, a line at a time: @actions/core
        // ends each with os.EOL, which is CRLF on Windows.
        for (const stream of logged) {
          let pending = '';
          stream.setEncoding('utf8');
          stream.on('data', (chunk: string) => {
            const lines = (pending + chunk).split('\n');
            pending = lines.pop() ?? '';
            lines.map(withoutCr).forEach(onLine);
          });
          stream.on('end', () => {
            if (pending !== '') onLine(withoutCr(pending));
          });
        }
        child.on('error', reject);
        child.on('close', (code) => {
          clearTimeout(killer);
          captured = stdout;
          resolve(code);
        });
      });
      const summary = await readFile(files.GITHUB_STEP_SUMMARY, 'utf8');
      await keepSummary(summary, stepEnv.GITHUB_ACTION_REPOSITORY ? (args[0] ?? '') : command);
      const outputText = await readFile(files.GITHUB_OUTPUT, 'utf8');
      const stateText = await readFile(files.GITHUB_STATE, 'utf8');
      const exported = parseFileCommands(await readFile(files.GITHUB_ENV, 'utf8'));
      Object.assign(this.env, exported);
      return {
        exitCode,
        outputs: parseFileCommands(outputText),
        state: parseFileCommands(stateText),
        exported,
        summary,
        annotations,
        rawLog,
        log,
        masks,
        delimiters: [...heredocDelimiters(outputText), ...heredocDelimiters(stateText)],
        stdout: captured,
        commands,
      };
    } finally {
      await removeTree(dir);
    }
  }
}

let kept = 0;

/**
 * With RIG_SUMMARY_DIR set, every step summary a test or the demo makes is also written there,
 * headed by the test's name and the step, for `npm run render-summary` to show as GitHub does.
 */
async function keepSummary(summary: string, step: string): Promise<void> {
  const dir = process.env.RIG_SUMMARY_DIR;
  if (dir === undefined || dir === '' || summary === '') return;
  const test =
    (globalThis as { expect?: { getState(): { currentTestName?: string } } }).expect?.getState()
      .currentTestName ?? 'demo';
  kept += 1;
  const name = `${test}-${kept}`.replace(/[^A-Za-z0-9]+/g, '-').slice(-120);
  const label = `${test} — ${basename(step)}`.replace(/-->/g, '—>');
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, `${process.pid}-${name}.md`),
    `<!-- ${label} -->
${summary}`,
  );
}

/** One phase of the action alone, in a job of its own. */
export async function runStep(
  phase: 'main' | 'post',
  options: StepOptions & { stateIn?: Record<string, string> },
): Promise<StepResult> {
  const job = await Job.start();
  try {
    return await job.runAction(phase, options);
  } finally {
    await job.end();
  }
}

export interface JobResult {
  main: StepResult;
  post: StepResult;
}

/** main, then whatever the job's later steps do, then post with main's state: as in a job. */
export async function runJob(
  options: StepOptions & { between?: (main: StepResult, job: Job) => Promise<void> },
): Promise<JobResult> {
  const job = await Job.start();
  try {
    const main = await job.runAction('main', options);
    await options.between?.(main, job);
    const post = await job.runAction('post', { ...options, stateIn: main.state });
    return { main, post };
  } finally {
    await job.end();
  }
}

/**
 * Where a secret shows where it must not: the log as displayed (a secret printed before its
 * ::add-mask:: stays in clear there), annotations, the step summary, and what the process
 * printed itself before the runner masked anything (the action replaces every secret it knows
 * with *** on its own; only ::add-mask:: carries one).
 */
export function leaks(steps: StepResult[], secrets: string[]): string[] {
  const found: string[] = [];
  for (const [i, step] of steps.entries()) {
    for (const secret of secrets.filter((s) => s !== '')) {
      const where = [
        step.log.some((l) => l.includes(secret)) && 'log',
        step.annotations.some((a) => a.message.includes(secret)) && 'annotation',
        step.summary.includes(secret) && 'step summary',
        step.rawLog.some((l) => !l.startsWith('::add-mask::') && l.includes(secret)) &&
          'what the step printed (before the runner masked it)',
      ].filter(Boolean);
      if (where.length > 0)
        found.push(`step ${i}: secret …${secret.slice(-6)} in ${where.join(', ')}`);
    }
  }
  return found;
}
