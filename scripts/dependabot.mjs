// Checks .github/dependabot.yml, for scripts/lint-workflows.mjs: actionlint does not read it, and
// GitHub only reports a broken one on the repository's Insights page.
import { parse } from 'yaml';

/**
 * Dependabot's configuration: what GitHub would refuse or quietly ignore. Version 2; each update
 * names an ecosystem, a directory that exists (with a package.json for npm) and a schedule; the
 * ecosystems are this project's two, npm and the workflows' actions, each once. `exists` tells
 * whether a path from the repository root (./x) exists.
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
