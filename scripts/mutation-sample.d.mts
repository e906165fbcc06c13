// Types for scripts/mutation-sample.mjs, which the unit tests import.
export interface Position {
  line: number;
  column: number;
}
export interface Location {
  start: Position;
  end: Position;
}
export interface DrawnMutant {
  fileName: string;
  location: Location;
  mutatorName: string;
  replacement: string;
}
export function drawSample<T>(all: readonly T[], n: number, seed: number): T[];
export function rangeOf(mutant: Pick<DrawnMutant, 'fileName' | 'location'>): string;
export function drawnStatuses(
  report: {
    files: Record<
      string,
      {
        mutants: {
          status: string;
          mutatorName: string;
          replacement?: string;
          location: Location;
        }[];
      }
    >;
  },
  sample: readonly DrawnMutant[],
): Record<string, number>;
export function scoreWithInterval(
  counts: Record<string, number>,
): { detected: number; valid: number; score: number; low: number; high: number } | undefined;
