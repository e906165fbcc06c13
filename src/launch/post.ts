// What the runner launches (dist/post.js). src/post.ts exports run() without calling it, so that
// tools such as @github/local-action can import it and run it themselves.
import { run } from '../post.js';

await run();
