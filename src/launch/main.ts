// What the runner launches (dist/main.js). src/main.ts exports run() without calling it, so that
// tools such as @github/local-action can import it and run it themselves.
import { run } from '../main.js';

await run();
