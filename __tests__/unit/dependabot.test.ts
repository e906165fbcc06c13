// The check of .github/dependabot.yml that `npm run lint` runs (actionlint does not read it).
import { existsSync, readFileSync } from 'node:fs';
import { dependabotProblems } from '../../scripts/dependabot.mjs';

const root = new URL('../../', import.meta.url);
const exists = (path: string) => existsSync(new URL(path, root));
const committed = readFileSync(new URL('.github/dependabot.yml', root), 'utf8');

const config = (updates: string) => `version: 2\nupdates:\n${updates}`;
const COOLDOWN = `    cooldown:\n      default-days: 7\n`;
const NPM = `  - package-ecosystem: npm\n    directory: /\n    schedule:\n      interval: weekly\n${COOLDOWN}`;
const ACTIONS = `  - package-ecosystem: github-actions\n    directory: /\n    schedule:\n      interval: weekly\n${COOLDOWN}`;

test('the committed configuration passes', () => {
  expect(dependabotProblems(committed, exists)).toEqual([]);
});

test('a minimal one with both ecosystems passes', () => {
  expect(dependabotProblems(config(NPM + ACTIONS), exists)).toEqual([]);
});

test('a cooldown with every option passes, semver days on npm', () => {
  const full = `    cooldown:\n      default-days: 7\n      semver-major-days: 30\n      semver-minor-days: 7\n      semver-patch-days: 7\n      include: ['*']\n      exclude: ['@actions/*']\n`;
  expect(dependabotProblems(config(NPM.replace(COOLDOWN, full) + ACTIONS), exists)).toEqual([]);
});

test.each([
  ['no YAML', 'version: 2\nupdates: [', /^does not parse/],
  ['version 1', config(NPM + ACTIONS).replace('version: 2', 'version: 1'), /^version is 1, not 2$/],
  ['npm only', config(NPM), /^ecosystems are npm: expected github-actions and npm, once each$/],
  ['npm twice', config(NPM + ACTIONS + NPM), /^ecosystems are github-actions, npm, npm/],
  [
    'no schedule',
    config(NPM.replace('    schedule:\n      interval: weekly\n', '') + ACTIONS),
    /\(npm\): schedule/,
  ],
  [
    'an unknown interval',
    config(NPM.replace('interval: weekly', 'interval: hourly') + ACTIONS),
    /\(npm\): schedule/,
  ],
  [
    'a relative directory',
    config(NPM.replace('directory: /', 'directory: docs') + ACTIONS),
    /\(npm\): directory must be/,
  ],
  [
    'a directory that does not exist',
    config(NPM.replace('directory: /', 'directory: /nowhere') + ACTIONS),
    /does not exist/,
  ],
  [
    'npm where there is no package.json',
    config(NPM.replace('directory: /', 'directory: /rig') + ACTIONS),
    /no package\.json in \/rig/,
  ],
  [
    'an update without ecosystem',
    config(NPM + ACTIONS.replace('package-ecosystem: github-actions', 'ecosystem: x')),
    /no package-ecosystem/,
  ],
  [
    'a group with an unknown update type',
    config(`${NPM}    groups:\n      all:\n        update-types: [minor, tiny]\n${ACTIONS}`),
    /group all: update type tiny/,
  ],
  [
    'an update without cooldown',
    config(NPM.replace(COOLDOWN, '') + ACTIONS),
    /^updates\[0\] \(npm\): no cooldown: set cooldown.default-days to 7 or more/,
  ],
  [
    'a cooldown shorter than 7 days',
    config(NPM.replace('default-days: 7', 'default-days: 3') + ACTIONS),
    /\(npm\): cooldown.default-days is 3: at least 7 days$/,
  ],
  [
    'a cooldown with only semver days',
    config(NPM.replace('default-days: 7', 'semver-major-days: 14') + ACTIONS),
    /\(npm\): cooldown.default-days is not set: at least 7 days$/,
  ],
  [
    'a cooldown key Dependabot does not know',
    config(NPM.replace('default-days: 7', 'default-days: 7\n      default: 4') + ACTIONS),
    /\(npm\): cooldown.default is not an option \(default-days, semver-major-days/,
  ],
  [
    'days beyond 90',
    config(NPM.replace('default-days: 7', 'default-days: 120') + ACTIONS),
    /cooldown.default-days is 120, not a whole number of days from 1 to 90/,
  ],
  [
    'semver days on github-actions',
    config(
      NPM + ACTIONS.replace('default-days: 7', 'default-days: 7\n      semver-major-days: 14'),
    ),
    /\(github-actions\): cooldown.semver-major-days: github-actions takes default-days only/,
  ],
  [
    'a cooldown include that is not a list of names',
    config(NPM.replace('default-days: 7', 'default-days: 7\n      include: react') + ACTIONS),
    /cooldown.include is not a list of up to 150 dependency names/,
  ],
  [
    'an ignore without dependency name',
    config(`${NPM}    ignore:\n      - dependency-type: all\n${ACTIONS}`),
    /ignore entry without/,
  ],
])('refuses %s', (_, text, problem) => {
  expect(dependabotProblems(text, exists)).toContainEqual(expect.stringMatching(problem));
});
