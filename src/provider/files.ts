/**
 * The names of the provider's folder, its token record and its count: what main writes and
 * post reads back. Kept apart so that post loads nothing else of the provider.
 */
export const PROVIDER_DIR_PREFIX = 'auth-action-provider-';
export const RECORD_FILE = 'tokens.jsonl';
/** The count of tokens minted, beside the record (see token-record.ts). */
export const COUNT_FILE = 'minted';
