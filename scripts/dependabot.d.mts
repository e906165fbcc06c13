// Types for scripts/dependabot.mjs, which the unit tests import.
export function dependabotProblems(text: string, exists: (path: string) => boolean): string[];
