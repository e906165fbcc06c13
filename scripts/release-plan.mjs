// What the release workflow (.github/workflows/release.yml) does for a pushed version tag: whether
// the release is marked Latest, and what becomes of the major tag (v1) that users pin. The plan
// job, which may only read, gathers the facts with gh and runs this; the job that writes runs no
// code of the repository and only follows the outputs. Plain Node, no dependency: the plan job
// runs no `npm ci`.
//
//   node scripts/release-plan.mjs --tag v1.2.3 --run-commit SHA --tag-commit SHA
//     --major-commit SHA|'' --main ahead|identical|behind|diverged --tags-file FILE
//
// The outputs go to GITHUB_OUTPUT (or stdout), the reasons to the log. A tag that no longer
// names the commit this run verified stops the release, with a one-line error.
import { appendFileSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * A release tag is exactly what the workflow's trigger takes, vX.Y.Z, without leading zeros
 * (semver's rule): v1.2.3-rc.1 and v1.2 are not releases and never move a major tag.
 */
const RELEASE_TAG = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** [major, minor, patch] of a release tag, or undefined. */
export function versionOf(tag) {
  const match = RELEASE_TAG.exec(tag);
  return match === null ? undefined : match.slice(1).map(Number);
}

const newer = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/**
 * The plan for one pushed tag, from facts read at one moment:
 * - `tag`, `runCommit`: the tag pushed and the commit the run verified (GITHUB_SHA);
 * - `tagCommit`: the commit the tag names now ('' if it is gone);
 * - `tags`: every tag of the repository whose name starts with v;
 * - `majorCommit`: the commit the major tag names now ('' if there is none);
 * - `mainStatus`: GitHub's comparison of the commit with main (`ahead` or `identical`: main
 *   holds it).
 * It is `{ ok: false, problem }` when the release must stop, else `{ ok: true, major,
 * majorAction: 'create' | 'update' | 'none', majorFrom, latest, reasons }`.
 */
export function releasePlan({ tag, runCommit, tagCommit, tags, majorCommit, mainStatus }) {
  const version = versionOf(tag);
  if (version === undefined) {
    return { ok: false, problem: `${tag} is not a release tag (vX.Y.Z): nothing is released.` };
  }
  if (tagCommit !== runCommit) {
    return {
      ok: false,
      problem: `${tag} ${tagCommit === '' ? 'is gone' : `now names ${tagCommit}`}, not ${runCommit}, the commit this run verified: nothing is released. Push the tag again if it moved on purpose (a new run releases it as it is); never move a released tag.`,
    };
  }
  const major = `v${version[0]}`;
  const releases = tags
    .map((name) => ({ name, version: versionOf(name) }))
    .filter((t) => t.version);
  const newerOfMajor = releases
    .filter((t) => t.version[0] === version[0] && newer(t.version, version) > 0)
    .sort((a, b) => newer(b.version, a.version))[0];
  const newest = releases.some((t) => newer(t.version, version) > 0) === false;
  const reasons = [
    newest
      ? `${tag} is the highest release: it is marked Latest.`
      : `${tag} is not the highest release: it is not marked Latest.`,
  ];
  const stay = (why) => {
    reasons.push(`${major} stays where it is: ${why}`);
    return {
      ok: true,
      major,
      majorAction: 'none',
      majorFrom: majorCommit,
      latest: newest,
      reasons,
    };
  };
  if (mainStatus !== 'ahead' && mainStatus !== 'identical') {
    return stay(
      `${tag} is not on main (GitHub compares it with main as ${mainStatus || 'unknown'}), and a major tag follows only main.`,
    );
  }
  if (newerOfMajor !== undefined) {
    return stay(`${newerOfMajor.name} is a newer release of ${major}.`);
  }
  if (majorCommit === runCommit) {
    return stay(`it names this commit already (this run, or one before it, moved it).`);
  }
  reasons.push(
    majorCommit === ''
      ? `${major} does not exist yet: it is created at ${tag}.`
      : `${major} moves from ${majorCommit} to ${tag}.`,
  );
  return {
    ok: true,
    major,
    majorAction: majorCommit === '' ? 'create' : 'update',
    majorFrom: majorCommit,
    latest: newest,
    reasons,
  };
}

/** The plan as the runner's output file takes it: one name=value a line. */
export function outputLines(plan) {
  return [
    `major=${plan.major}`,
    `major-action=${plan.majorAction}`,
    `major-from=${plan.majorFrom}`,
    `latest=${plan.latest}`,
    `why=${plan.reasons.join(' ')}`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      tag: { type: 'string' },
      'run-commit': { type: 'string' },
      'tag-commit': { type: 'string', default: '' },
      'major-commit': { type: 'string', default: '' },
      main: { type: 'string', default: '' },
      'tags-file': { type: 'string' },
    },
  });
  const plan = releasePlan({
    tag: values.tag ?? '',
    runCommit: values['run-commit'] ?? '',
    tagCommit: values['tag-commit'],
    majorCommit: values['major-commit'],
    mainStatus: values.main,
    tags: readFileSync(values['tags-file'] ?? '', 'utf8')
      .split(/\r?\n/)
      .filter(Boolean),
  });
  if (!plan.ok) {
    console.error(
      process.env.GITHUB_ACTIONS === 'true' ? `::error::${plan.problem}` : plan.problem,
    );
    process.exit(1);
  }
  for (const reason of plan.reasons) console.log(reason);
  const out = `${outputLines(plan)}\n`;
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, out);
  else process.stdout.write(out);
}
