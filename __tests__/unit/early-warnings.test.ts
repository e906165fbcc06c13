import { inputWarnings } from '../../src/diagnose/early-warnings.js';
import { readInputs } from '../../src/inputs/read-inputs.js';

const warningsFor = (given: Record<string, string>) =>
  inputWarnings(readInputs({ getInput: (name) => given[name] ?? '' }));

test('registry-name that would do nothing, or not what was meant, gets a warning', () => {
  expect(warningsFor({ 'registry-name': 'local', url: 'https://r.example' })).toEqual([
    expect.stringContaining(
      'The `registry-name` input does nothing without `credential-provider: true`',
    ),
  ]);
  expect(warningsFor({ 'registry-name': 'mirror', 'credential-provider': 'true' })).toEqual([
    expect.stringContaining(
      'the provider serves `cargo publish --registry mirror` only, and `url` is crates.io',
    ),
  ]);
  expect(
    warningsFor({
      'registry-name': 'local',
      'credential-provider': 'true',
      url: 'https://r.example',
    }),
  ).toEqual([]);
  expect(warningsFor({ 'credential-provider': 'true' })).toEqual([]);
});

test('new-crates: skip without workspace does nothing, and says so', () => {
  expect(warningsFor({ 'new-crates': 'skip' })).toEqual([
    'The `new-crates` input does nothing without `workspace`: only the check of a workspace finds new crates to leave out.',
  ]);
  expect(warningsFor({ 'new-crates': 'skip', workspace: '.' })).toEqual([]);
  expect(warningsFor({ 'new-crates': 'fail' })).toEqual([]);
});
