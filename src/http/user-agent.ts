import { VERSION } from '../version.js';

/** crates.io refuses requests without a User-Agent; ours says who is calling. */
export const USER_AGENT = `auth-action/${VERSION}`;
