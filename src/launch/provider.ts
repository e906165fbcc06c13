// What cargo runs, through the wrapper main writes (dist/provider.js). src/provider.ts exports
// run() without calling it, as src/main.ts and src/post.ts do.
import { run } from '../provider.js';

await run();
