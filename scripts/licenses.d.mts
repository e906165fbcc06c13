// Types for scripts/licenses.mjs, which the unit tests import.
export const ACCEPTED: string[];
export function acceptable(expression: string, accepted?: string[]): boolean;
export function packageOf(resource: string): { name: string; dir: string } | undefined;
export function splitLicenses(
  text: string,
  names: Set<string>,
): { name: string; licenseId: string; text: string }[];
export interface BundledPackage {
  name: string;
  version: string;
  licenseId: string;
  declared: string;
  text: string;
  bundles: Set<string>;
}
export function ownLicense(
  name: string,
  dir: string,
): { name: string; licenseId: string; text: string };
export function licenseProblems(packages: BundledPackage[], accepted?: string[]): string[];
export function renderLicenses(packages: BundledPackage[]): string;
