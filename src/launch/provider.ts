// What cargo runs, through the wrapper main writes (dist/provider.js). src/provider.ts exports
// run() without calling it, as src/main.ts and src/post.ts do.
import { run } from '../provider.js';

// Not `await run()`: top-level await would make webpack wrap the whole bundle in its runtime
// for asynchronous modules; run() answers for its own failures, and node stays up while its
// requests and files are pending, as it would for an awaited promise.
void run();
