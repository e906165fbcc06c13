import { realpathSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { briefly, describeFailure } from '../errors/describe.js';
import {
  ActionFailure,
  type CrateVersion,
  type DependencyProblem,
  type Failure,
  type NewCrate,
} from '../errors/failure.js';
import { startPhase } from '../http/call.js';
import { preflightTiming } from '../http/policies.js';
import type { Clock } from '../http/retry.js';
import type { Transport } from '../http/transport.js';
import { CRATE_NAME, VERSION } from '../inputs/cargo-names.js';
import type { Inputs } from '../inputs/read-inputs.js';
import { shown, shownUrl } from '../redact/redact.js';
import type { Core } from '../runner/core.js';
import type { RunnerEnvironment } from '../runner/environment.js';
import {
  boundedAll,
  checkIndexConfig,
  INDEX_CONCURRENCY,
  readIndexFile,
  withoutOwnTime,
  type IndexAnswer,
} from './check-index.js';
import type { IndexQuestion } from './index-file.js';
import { configReadLine, locateIndex } from './index-location.js';
import { notReleasedWhy, releasedTo, type ReleaseTarget } from './publishable-crates.js';
import {
  excludeArguments,
  reportForLog,
  reportForSummary,
  unpublishedOf,
  type Finding,
  type Row,
} from './preflight-report.js';
import { readWorkspace } from './read-workspace.js';
import type { Workspace, WorkspaceCrate } from './workspace-metadata.js';

export interface PreflightDeps {
  core: Core;
  environment: RunnerEnvironment;
  transport: Transport;
  clock: Clock;
}

/** What the check leaves for the release report in post. */
export interface PreflightResult {
  /** The sparse index read, when one was. */
  index: string | undefined;
  /** The crates to release whose version the registry did not have (or may not have). */
  unpublished: CrateVersion[];
}

/** New crates whose name is looked up with `-` and `_` swapped (two requests each). */
const MAX_SPELLINGS_ASKED = 20;

/**
 * What the index's answer means for one crate to release. The rule above all: a crate is out
 * only when a line cargo reads lists its very version (build metadata aside, as cargo and
 * crates.io compare versions); every doubt leaves it to publish, where cargo's own check
 * stands. `skipNew`: `new-crates: skip`.
 */
export function findingOf(
  answer: IndexAnswer | undefined,
  skipNew = false,
  unread?: string,
): Finding {
  if (answer === undefined || answer.kind === 'unreadable') {
    return unread === undefined ? { kind: 'unknown' } : { kind: 'unknown', why: unread };
  }
  if (answer.kind === 'absent') {
    return answer.knownAs === undefined
      ? { kind: 'new', status: answer.status, skip: skipNew }
      : { kind: 'renamed', knownAs: answer.knownAs, skip: skipNew };
  }
  const { version, others, latest, skipped, knownAs } = answer.file;
  if (version.listed) return { kind: 'out', yanked: version.yanked };
  // Lines for this crate only under another case: crates.io refuses an upload under this one.
  if (latest === undefined && knownAs !== undefined) {
    return { kind: 'renamed', knownAs, skip: skipNew };
  }
  return { kind: 'to-publish', others, latest, unread: skipped.lines };
}

/** The directory the `workspace` input names. */
function workspaceDir(input: string, environment: RunnerEnvironment): string {
  return isAbsolute(input) ? input : resolve(environment.githubWorkspace ?? '.', input);
}

/** A path as the file system resolves it (symbolic links followed), for comparing two. */
function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return resolve(path);
  }
}

/**
 * The members the release is about: every member when `dir` holds the workspace's root
 * manifest (virtual or not), as `cargo publish --workspace` there takes them; only the package
 * when `dir` is a member's own directory, as `cargo publish` there publishes it alone.
 */
export function selectMembers(workspace: Workspace, dir: string): WorkspaceCrate[] {
  const manifest = realPath(resolve(dir, 'Cargo.toml'));
  const own = workspace.crates.find((crate) => realPath(crate.manifestPath) === manifest);
  const atRoot = workspace.root !== undefined && realPath(workspace.root) === realPath(dir);
  return own !== undefined && !atRoot ? [own] : workspace.crates;
}

/** The other members a crate depends on by path (any kind: cargo resolves dev-dependencies too). */
const memberDeps = (crate: WorkspaceCrate, members: ReadonlyMap<string, WorkspaceCrate>) =>
  crate.dependencies.filter((dep) => dep.path && members.has(dep.name));

/**
 * What to ask the index: each crate to release, with the requirements the other crates to
 * release place on it; and, when only one package is checked, the members it takes from the
 * registry (their requirements only).
 */
function questionsFor(
  toRelease: WorkspaceCrate[],
  workspace: Workspace,
  target: ReleaseTarget,
): IndexQuestion[] {
  const members = new Map(workspace.crates.map((crate) => [crate.name, crate]));
  const requirements = new Map<string, string[]>();
  for (const crate of toRelease) {
    for (const dep of memberDeps(crate, members)) {
      requirements.set(dep.name, [...(requirements.get(dep.name) ?? []), dep.req]);
    }
  }
  const asked = new Set(toRelease.map((crate) => crate.name));
  const questions: IndexQuestion[] = toRelease.map((crate) => ({
    name: crate.name,
    version: crate.version,
    requirements: requirements.get(crate.name) ?? [],
  }));
  for (const [name, reqs] of requirements) {
    const member = members.get(name);
    if (asked.has(name) || member === undefined || !releasedTo(member, target)) continue;
    if (!CRATE_NAME.test(name)) continue;
    questions.push({ name, version: undefined, requirements: reqs });
  }
  return questions;
}

/** The other spellings crates.io takes for the same crate: `-` and `_` swapped throughout. */
const spellings = (name: string) =>
  [...new Set([name.replace(/_/g, '-'), name.replace(/-/g, '_')])].filter((n) => n !== name);

/**
 * Asks the index about every crate; the first file that cannot be read stops the rest. A crate
 * the index does not have is looked up again with `-` and `_` swapped.
 */
export async function askIndex(
  deps: PreflightDeps,
  index: string,
  questions: IndexQuestion[],
): Promise<{
  answers: (IndexAnswer | undefined)[];
  unreadable: Extract<IndexAnswer, { kind: 'unreadable' }> | undefined;
  crate: string | undefined;
}> {
  const { core, transport, environment } = deps;
  const own = withoutOwnTime(deps.clock);
  const net = startPhase(
    { core, transport, clock: own.clock },
    preflightTiming(environment.timeScale),
  );
  const labelled = (name: string) => ({
    ...net,
    core: {
      ...core,
      info: (message: string) => {
        core.info(`\`${name}\`: ${message}`);
      },
    },
  });
  const read = (question: IndexQuestion) =>
    readIndexFile(labelled(question.name), index, question, own);
  const [config, answers] = await Promise.all([
    checkIndexConfig(labelled('config.json'), index),
    boundedAll(questions, INDEX_CONCURRENCY, read, (answer) => answer.kind === 'unreadable'),
  ]);
  if (config !== undefined && config.kind === 'unreadable')
    return { answers, unreadable: config, crate: undefined };
  const at = answers.findIndex((answer) => answer?.kind === 'unreadable');
  const failed = answers[at];
  if (failed?.kind === 'unreadable') {
    return { answers, unreadable: failed, crate: questions[at]?.name };
  }
  const absent = answers.flatMap((answer, i) =>
    answer?.kind === 'absent' ? [{ answer, name: questions[i]?.name ?? '' }] : [],
  );
  await boundedAll(
    absent
      .slice(0, MAX_SPELLINGS_ASKED)
      .flatMap(({ answer, name }) => spellings(name).map((spelling) => ({ answer, spelling }))),
    INDEX_CONCURRENCY,
    async ({ answer, spelling }) => {
      const other = await read({ name: spelling, version: undefined, requirements: [] });
      if (other.kind === 'listed' && other.file.latest !== undefined) answer.knownAs ??= spelling;
    },
    () => false,
  );
  if (own.ownMs() >= 1000) {
    core.info(
      `Reading the index files took this step ${(own.ownMs() / 1000).toFixed(1)} s of its own; that time is not counted against the index's time budget.`,
    );
  }
  return { answers, unreadable: undefined, crate: undefined };
}

/**
 * Members to publish that depend on a crate left out (a new one under `new-crates: skip`, or
 * one left out for that reason), found over and over until none is left: cargo could not
 * resolve them.
 */
function holdBack(rows: Row[], crates: ReadonlyMap<string, WorkspaceCrate>): void {
  const members = new Map(crates);
  const left = new Set(
    rows
      .filter(
        ({ finding }) => (finding.kind === 'new' || finding.kind === 'renamed') && finding.skip,
      )
      .map((row) => row.crate.name),
  );
  for (let changed = left.size > 0; changed;) {
    changed = false;
    for (const row of rows) {
      if (row.finding.kind !== 'to-publish' && row.finding.kind !== 'unknown') continue;
      const crate = members.get(row.crate.name);
      const on = crate && memberDeps(crate, members).find((dep) => left.has(dep.name));
      if (on === undefined) continue;
      row.finding = { kind: 'held-back', on: on.name };
      left.add(row.crate.name);
      changed = true;
    }
  }
}

/**
 * Members to publish whose dependency on another member cargo would take from the registry
 * (it is not published in this run) and could not select: the registry lacks it, or every
 * version that matches is yanked. Only what the index certainly says: a file with lines cargo
 * may read otherwise, or a requirement that cannot be judged, is left to cargo.
 */
function dependencyProblems(
  rows: Row[],
  crates: ReadonlyMap<string, WorkspaceCrate>,
  answers: ReadonlyMap<string, IndexAnswer | undefined>,
): DependencyProblem[] {
  const publishing = new Set(unpublishedOf(rows).map((crate) => crate.name));
  const problems: DependencyProblem[] = [];
  for (const name of publishing) {
    const crate = crates.get(name);
    if (crate === undefined) continue;
    for (const dep of memberDeps(crate, crates)) {
      if (publishing.has(dep.name)) continue;
      const answer = answers.get(dep.name);
      const problem = {
        crate: { name, version: crate.version },
        dependency: dep.name,
        req: dep.req,
      };
      if (answer?.kind === 'absent' && answer.knownAs === undefined) {
        problems.push({ ...problem, missing: true, yanked: [] });
      } else if (answer?.kind === 'listed' && answer.file.skipped.lines === 0) {
        const found = answer.file.requirements.get(dep.req);
        if (found !== undefined && found.judged && !found.usable) {
          problems.push({ ...problem, missing: false, yanked: found.yanked });
        }
      }
    }
  }
  return problems;
}

/** The warnings that name a doubt, or what `new-crates: skip` left out. */
function warnAbout(
  core: Core,
  rows: Row[],
  answers: ReadonlyMap<string, IndexAnswer | undefined>,
  { index, registry }: { index: string; registry: string },
): void {
  const unread = rows.flatMap(({ crate, finding }) => {
    const answer = answers.get(crate.name);
    const why = answer?.kind === 'listed' ? answer.file.skipped.why : undefined;
    return finding.kind === 'to-publish' && finding.unread > 0
      ? [{ crate, lines: finding.unread, why: why ?? '' }]
      : [];
  });
  if (unread.length > 0) {
    core.warning(describeFailure({ kind: 'index-lines', index, crates: unread }));
  }
  const skipped: NewCrate[] = rows.flatMap(({ crate, finding }) =>
    finding.kind === 'new' && finding.skip
      ? [crate]
      : finding.kind === 'renamed' && finding.skip
        ? [{ ...crate, knownAs: finding.knownAs }]
        : [],
  );
  const held = rows.flatMap(({ crate, finding }) =>
    finding.kind === 'held-back' ? [{ crate, on: finding.on }] : [],
  );
  if (skipped.length > 0) {
    core.warning(describeFailure({ kind: 'crates-skipped', registry, skipped, held }));
  }
}

/**
 * The check of a workspace before anything is requested: cargo reads the workspace, the
 * registry's sparse index says which versions it has. Sets `unpublished` and
 * `exclude-published`; throws ActionFailure when the release cannot succeed (no workspace, a
 * crate trusted publishing cannot create, a dependency cargo could not select). An index it
 * cannot read, or a line of it cargo may read otherwise, is a warning only: when in doubt, the
 * crate is published and cargo's own check decides.
 */
export async function runPreflight(
  deps: PreflightDeps,
  inputs: Pick<Inputs, 'workspace' | 'registryName' | 'newCrates'>,
): Promise<PreflightResult> {
  const { core, environment } = deps;
  const dir = workspaceDir(inputs.workspace, environment);
  const target: ReleaseTarget =
    inputs.registryName === ''
      ? { kind: 'crates-io' }
      : { kind: 'named', name: inputs.registryName };
  const registry = target.kind === 'crates-io' ? 'crates-io' : target.name;
  const workspace = await readWorkspace(dir);
  const members = selectMembers(workspace, dir);
  if (members.length === 1 && members.length < workspace.crates.length && members[0]) {
    core.info(
      `\`workspace\` names the directory of the package \`${shown(members[0].name, 64)}\` in the workspace at ${shownUrl(workspace.root ?? '', 200)}: only that package is checked, as \`cargo publish\` there publishes it alone.`,
    );
  }
  const released = members.filter((crate) => releasedTo(crate, target));
  // crates.io's rules, for the crates that go to this registry only: cargo takes the rest.
  const unfit = released.filter((c) => !CRATE_NAME.test(c.name) || !VERSION.test(c.version));
  if (unfit.length > 0)
    throw new ActionFailure({ kind: 'registry-rules', crates: unfit, registry });

  // cargo reads its configuration from where it runs: the check assumes the workspace's directory.
  const location = locateIndex(target, dir, environment.cargo);
  core.info(configReadLine(dir, location));
  let index: string | undefined;
  const answers = new Map<string, IndexAnswer | undefined>();
  /** Why the index was not read, when it was not: the summary's rows and answer say it. */
  let unread: string | undefined;
  if (location.kind !== 'sparse') {
    unread =
      location.kind === 'git'
        ? 'a git index, which the check does not read'
        : location.kind === 'doubt'
          ? 'not sure which index cargo will use'
          : 'no index configured';
    // No index cargo certainly uses: every crate to release counts as unpublished.
    core.warning(
      describeFailure(
        location.kind === 'git'
          ? { kind: 'index-unknown', registry, reason: 'git', index: location.url }
          : location.kind === 'doubt'
            ? { kind: 'index-doubt', registry, doubt: location.doubt }
            : { kind: 'index-unknown', registry, reason: 'unknown', index: location.variable },
      ),
    );
  } else if (released.length > 0) {
    index = location.url;
    core.info(
      `Checking ${released.length} crate${released.length === 1 ? '' : 's'} of the workspace against the registry's index at ${shownUrl(index)}.`,
    );
    const questions = questionsFor(released, workspace, target);
    const asked = await askIndex(deps, index, questions);
    if (asked.unreadable !== undefined) {
      unread = briefly(asked.unreadable.failure, asked.unreadable.attempts);
      core.warning(
        describeFailure({
          kind: 'index-unreadable',
          index,
          crate: asked.crate,
          last: asked.unreadable.failure,
          attempts: asked.unreadable.attempts,
        }),
      );
    } else {
      questions.forEach((question, i) => answers.set(question.name, asked.answers[i]));
    }
  }
  const skipNew = inputs.newCrates === 'skip';
  const rows: Row[] = members.map((crate) => ({
    crate,
    finding: releasedTo(crate, target)
      ? findingOf(answers.get(crate.name), skipNew, unread)
      : {
          kind: 'not-here',
          why: notReleasedWhy(crate),
          // `publish = false` members are skipped by cargo; a list without this registry stops it.
          excluded: crate.publish !== null && crate.publish.length > 0,
        },
  }));
  const byName = new Map(workspace.crates.map((crate) => [crate.name, crate]));
  holdBack(rows, byName);
  const where = target.kind === 'crates-io' ? 'crates.io' : `the registry \`${target.name}\``;
  const title = `auth-action: the workspace against ${where}`;
  core.info(reportForLog(`${title}:`, rows));

  const fresh = rows.flatMap(({ crate, finding }): NewCrate[] =>
    finding.kind === 'new' && !finding.skip
      ? [crate]
      : finding.kind === 'renamed' && !finding.skip
        ? [{ ...crate, knownAs: finding.knownAs }]
        : [],
  );
  const problems = fresh.length > 0 ? [] : dependencyProblems(rows, byName, answers);
  const stop: Failure | undefined =
    fresh.length > 0
      ? { kind: 'new-crates', crates: fresh, index: index ?? '', registry }
      : problems.length > 0
        ? { kind: 'dependency-problems', problems, index: index ?? '' }
        : undefined;
  // The summary says what stops the release, with the same words as the error, before it.
  core.appendSummary(
    reportForSummary(title, rows, {
      ...(stop === undefined ? {} : { stop: describeFailure(stop) }),
      stoppedAt: problems.map((problem) => problem.crate.name),
      ...(unread === undefined ? {} : { unread }),
      ...(environment.docs === undefined ? {} : { docs: environment.docs }),
    }),
  );
  if (stop !== undefined) throw new ActionFailure(stop);
  warnAbout(core, rows, answers, { index: index ?? '', registry });
  const unpublished = unpublishedOf(rows);
  core.setOutput('unpublished', unpublished.map((crate) => crate.name).join(' '));
  core.setOutput('exclude-published', excludeArguments(rows));
  return { index, unpublished };
}
