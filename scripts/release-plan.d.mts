// Types for scripts/release-plan.mjs, which the unit tests import.
export interface ReleaseFacts {
  tag: string;
  runCommit: string;
  tagCommit: string;
  tags: string[];
  majorCommit: string;
  mainStatus: string;
}
export type ReleasePlan =
  | { ok: false; problem: string }
  | {
      ok: true;
      major: string;
      majorAction: 'create' | 'update' | 'none';
      majorFrom: string;
      latest: boolean;
      reasons: string[];
    };
export function versionOf(tag: string): [number, number, number] | undefined;
export function releasePlan(facts: ReleaseFacts): ReleasePlan;
export function outputLines(plan: Extract<ReleasePlan, { ok: true }>): string;
