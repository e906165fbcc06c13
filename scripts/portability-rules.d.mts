export interface PortabilityProblem {
  line: number;
  rule: string;
  why: string;
}
export function portabilityProblems(
  text: string,
  options?: { removals?: boolean },
): PortabilityProblem[];
