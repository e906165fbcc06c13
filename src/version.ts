/** Kept equal to package.json's version by a test; bundled as a constant, not read at run time. */
export const VERSION = '1.0.0';
