import { isAbsolute, resolve } from 'node:path';
import { describeFailure } from '../errors/describe.js';
import { ActionFailure, type CrateVersion } from '../errors/failure.js';
import { startPhase } from '../http/call.js';
import { preflightTiming } from '../http/policies.js';
import type { Clock } from '../http/retry.js';
import type { Transport } from '../http/transport.js';
import type { Inputs } from '../inputs/read-inputs.js';
import { shownUrl } from '../redact/redact.js';
import type { Core } from '../runner/core.js';
import type { RunnerEnvironment } from '../runner/environment.js';
import {
  boundedAll,
  checkIndexConfig,
  INDEX_CONCURRENCY,
  readIndexFile,
  type IndexAnswer,
} from './check-index.js';
import { comparable } from './index-file.js';
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
import type { WorkspaceCrate } from './workspace-metadata.js';

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
  /** The crates to release whose version the registry did not have. */
  unpublished: CrateVersion[];
}

/** What the index's answer means for one crate to release. */
function findingOf(crate: WorkspaceCrate, answer: IndexAnswer | undefined): Finding {
  if (answer === undefined || answer.kind === 'unreadable') return { kind: 'unknown' };
  if (answer.kind === 'absent') return { kind: 'new', status: answer.status };
  const { versions, latest } = answer.file;
  const listed = versions.get(comparable(crate.version));
  if (listed !== undefined) return { kind: 'out', yanked: listed.yanked };
  return { kind: 'to-publish', others: versions.size, latest };
}

/** Asks the index about every crate; the first file that cannot be read stops the rest. */
async function askIndex(
  deps: PreflightDeps,
  index: string,
  crates: WorkspaceCrate[],
): Promise<{
  answers: (IndexAnswer | undefined)[];
  unreadable: Extract<IndexAnswer, { kind: 'unreadable' }> | undefined;
  crate: string | undefined;
}> {
  const { core, transport, clock, environment } = deps;
  const net = startPhase({ core, transport, clock }, preflightTiming(environment.timeScale));
  const labelled = (name: string) => ({
    ...net,
    core: {
      ...core,
      info: (message: string) => {
        core.info(`\`${name}\`: ${message}`);
      },
    },
  });
  const [config, answers] = await Promise.all([
    checkIndexConfig(labelled('config.json'), index),
    boundedAll(
      crates,
      INDEX_CONCURRENCY,
      (crate) => readIndexFile(labelled(crate.name), index, crate.name),
      (answer) => answer.kind === 'unreadable',
    ),
  ]);
  if (config !== undefined && config.kind === 'unreadable')
    return { answers, unreadable: config, crate: undefined };
  const at = answers.findIndex((answer) => answer?.kind === 'unreadable');
  const failed = answers[at];
  return {
    answers,
    unreadable: failed?.kind === 'unreadable' ? failed : undefined,
    crate: crates[at]?.name,
  };
}

/** The directory the `workspace` input names. */
function workspaceDir(input: string, environment: RunnerEnvironment): string {
  return isAbsolute(input) ? input : resolve(environment.githubWorkspace ?? '.', input);
}

/**
 * The check of a workspace before anything is requested: cargo reads the workspace, the
 * registry's sparse index says which versions it has. Sets `unpublished` and
 * `exclude-published`; throws ActionFailure when the release cannot succeed (no workspace, or
 * a crate trusted publishing cannot create). An index it cannot read is a warning only.
 */
export async function runPreflight(
  deps: PreflightDeps,
  inputs: Pick<Inputs, 'workspace' | 'registryName'>,
): Promise<PreflightResult> {
  const { core, environment } = deps;
  const dir = workspaceDir(inputs.workspace, environment);
  const target: ReleaseTarget =
    inputs.registryName === ''
      ? { kind: 'crates-io' }
      : { kind: 'named', name: inputs.registryName };
  const registry = target.kind === 'crates-io' ? 'crates-io' : target.name;
  const members = await readWorkspace(dir);
  const released = members.filter((crate) => releasedTo(crate, target));
  const notHere = (crate: WorkspaceCrate): Row => ({
    crate,
    finding: { kind: 'not-here', why: notReleasedWhy(crate) },
  });

  // cargo reads its configuration from where it runs: the check assumes the workspace's directory.
  const location = locateIndex(target, dir, environment.cargo);
  core.info(configReadLine(dir, location));
  let index: string | undefined;
  let findings = new Map<WorkspaceCrate, Finding>();
  if (location.kind !== 'sparse') {
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
    const asked = await askIndex(deps, index, released);
    if (asked.unreadable !== undefined) {
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
      findings = new Map(released.map((crate, i) => [crate, findingOf(crate, asked.answers[i])]));
    }
  }
  const rows: Row[] = members.map((crate) =>
    releasedTo(crate, target)
      ? { crate, finding: findings.get(crate) ?? { kind: 'unknown' } }
      : notHere(crate),
  );
  const where = target.kind === 'crates-io' ? 'crates.io' : `the registry \`${target.name}\``;
  const title = `auth-action: the workspace against ${where}`;
  core.info(reportForLog(`${title}:`, rows));
  core.appendSummary(reportForSummary(title, rows));

  const fresh = rows.filter((row) => row.finding.kind === 'new').map((row) => row.crate);
  if (fresh.length > 0) {
    throw new ActionFailure({ kind: 'new-crates', crates: fresh, index: index ?? '', registry });
  }
  const unpublished = unpublishedOf(rows);
  core.setOutput('unpublished', unpublished.map((crate) => crate.name).join(' '));
  core.setOutput('exclude-published', excludeArguments(rows));
  return { index, unpublished };
}
