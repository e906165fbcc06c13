// Types for scripts/workflow-rules.mjs, which the unit tests import.
export function workflowProblems(text: string): string[];
