// jest's globalSetup: the one seed of this run's property tests (fast-check), before any worker
// starts, so every test file uses it (__tests__/fast-check-setup.ts applies it).
//   FC_SEED=<integer>  that seed: replays a failure;
//   FC_SEED=random     a random seed, in CI too;
//   unset              the fixed CI_SEED when CI is set (a red CI is a failure, never luck),
//                      a random one otherwise.
// The seed is printed either way, so that any run can be replayed with FC_SEED.

/** The seed CI runs with. Any integer does: a property must hold for all of them. */
export const CI_SEED = 2024;

/** The seed a run uses, from its environment; `random` is called only when one is drawn. */
export function seedFor(env, random = () => Math.floor(Math.random() * 2 ** 32) - 2 ** 31) {
  const asked = env.FC_SEED?.trim() ?? '';
  if (asked === 'random') return { seed: random(), why: 'random (FC_SEED=random)' };
  if (asked !== '') {
    const seed = Number(asked);
    if (!Number.isSafeInteger(seed)) {
      throw new Error(`FC_SEED must be an integer or "random", not ${JSON.stringify(asked)}`);
    }
    return { seed, why: 'from FC_SEED' };
  }
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false';
  return ci ? { seed: CI_SEED, why: 'fixed, as CI is set' } : { seed: random(), why: 'random' };
}

export default function globalSetup() {
  const { seed, why } = seedFor(process.env);
  process.env.FC_SEED = String(seed);
  process.stderr.write(
    `\nProperty tests: fast-check seed ${seed} (${why}); FC_SEED=${seed} npm test replays them.\n`,
  );
}
