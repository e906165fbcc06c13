// `npm run golden`: writes __tests__/golden/messages.md again from the table of cases in
// __tests__/unit/messages.test.ts, then runs that test against it. After a change of wording,
// read the diff (`git diff __tests__/golden`) like prose before committing it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const jest = fileURLToPath(new URL('../node_modules/jest/bin/jest.js', import.meta.url));
const run = spawnSync(
  process.execPath,
  ['--experimental-vm-modules', '--no-warnings', jest, '__tests__/unit/messages.test.ts'],
  { stdio: 'inherit', env: { ...process.env, UPDATE_GOLDEN: '1' } },
);
process.exit(run.status ?? 1);
