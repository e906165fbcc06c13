// Its own module, so that what only reads answers (src/http/outcome.ts, and with it the check of
// a workspace) does not bring @actions/http-client into a bundle that has no use for it.

/** A hostile or broken server must not make the action buffer an unbounded body. */
export const MAX_BODY_BYTES = 64 * 1024;
