/**
 * The names of the provider's folder and its token record: what main writes and post reads
 * back. Kept apart so that post loads nothing else of the provider.
 */
export const PROVIDER_DIR_PREFIX = 'auth-action-provider-';
export const RECORD_FILE = 'tokens.jsonl';
