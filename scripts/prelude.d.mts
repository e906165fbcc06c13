// Types for scripts/prelude.mjs, which the unit tests import.
export function lazyBuiltin<T extends object>(name: string, getBuiltin?: (id: string) => T): T;
export function randomUUIDFromOs(getBuiltin?: (id: string) => unknown): string;
