// What the runner launches (dist/main.js). src/main.ts exports run() without calling it, so that
// tools such as @github/local-action can import it and run it themselves.
import { run } from '../main.js';

// Not `await run()`: top-level await would make webpack wrap the whole bundle in its runtime
// for asynchronous modules; run() answers for its own failures, and node stays up while its
// requests and files are pending, as it would for an awaited promise.
void run();
