// Types for __tests__/fast-check-seed.js (jest's globalSetup), which a unit test imports.
export declare const CI_SEED: number;
export declare function seedFor(
  env: Record<string, string | undefined>,
  random?: () => number,
): { seed: number; why: string };
export default function globalSetup(): void;
