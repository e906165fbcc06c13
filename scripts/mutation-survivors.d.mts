// Types for scripts/mutation-survivors.mjs, which the unit tests import.
export interface Summary {
  total: string;
  covered: string;
  counts: string;
  folders: { folder: string; total: string; covered: string; counts: string }[];
  open: string[];
}
export function summarize(report: {
  files: Record<
    string,
    {
      mutants: {
        status: string;
        mutatorName: string;
        replacement?: string;
        location: { start: { line: number } };
      }[];
    }
  >;
}): Summary;
export function scoreCounts(counts: Record<string, number>): {
  detected: number;
  covered: number;
  valid: number;
};
export function asText(summary: Summary): string;
export function asMarkdown(summary: Summary): string;
