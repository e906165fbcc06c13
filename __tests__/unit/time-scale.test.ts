/** AUTH_ACTION_TIME_SCALE, however it is set: floors a real registry can answer within. */
import fc from 'fast-check';
import { mainTiming, postTiming, timeScaleNote } from '../../src/http/policies.js';
import { tokenLife } from '../../src/provider/token-life.js';
import { readEnvironment } from '../../src/runner/environment.js';

// The floors docs/security.md promises, written here rather than read from the code.
const LEAST_SCALE = 0.005;
const LEAST_TRY_MS = 1_000;
const LEAST_PHASE_MS = 3_000;

const anyScale = fc.oneof(
  fc.double({ min: -10, max: 10, noNaN: false }),
  fc.constantFrom(0, 1e-300, 0.0001, 0.009, 0.01, 0.05, 1, 2),
);

test('no scale shrinks a try below 1 s or a phase below 3 s, or stretches either', () => {
  fc.assert(
    fc.property(anyScale, (value) => {
      const { timeScale } = readEnvironment({ AUTH_ACTION_TIME_SCALE: String(value) });
      expect(timeScale).toBeGreaterThanOrEqual(LEAST_SCALE);
      expect(timeScale).toBeLessThanOrEqual(1);
      for (const timing of [mainTiming, postTiming]) {
        const scaled = timing(timeScale);
        const full = timing(1);
        expect(scaled.policy.attemptTimeoutMs).toBeGreaterThanOrEqual(LEAST_TRY_MS);
        expect(scaled.budgetMs).toBeGreaterThanOrEqual(LEAST_PHASE_MS);
        // Room for a whole try at the floor, so a revocation is always tried.
        expect(scaled.budgetMs).toBeGreaterThanOrEqual(scaled.policy.attemptTimeoutMs);
        expect(scaled.policy.attemptTimeoutMs).toBeLessThanOrEqual(full.policy.attemptTimeoutMs);
        expect(scaled.budgetMs).toBeLessThanOrEqual(full.budgetMs);
      }
      // A token is handed out for at least 6 s: not a new one for every cargo request.
      const life = tokenLife(timeScale);
      expect(life.lifeMs - life.uploadRoomMs).toBeGreaterThanOrEqual(6_000 - 1e-6);
    }),
    { examples: [[0.005], [0.0049], [Number.MIN_VALUE], [-0], [Infinity], [NaN], [1.0000001]] },
  );
});

test('a scale in effect is said in one line; none without one', () => {
  expect(timeScaleNote(1)).toBeUndefined();
  expect(readEnvironment({}).timeScale).toBe(1);
  const env = readEnvironment({ AUTH_ACTION_TIME_SCALE: '1e-9' });
  expect(timeScaleNote(env.timeScale, env.timeScaleAsked)).toMatch(
    /^AUTH_ACTION_TIME_SCALE is set: .* by 0\.005 \(1e-9 asked; 0\.005 is the least\)\. [^\n]*$/,
  );
});
