import { systemClock } from './http/retry.js';
import { httpClientTransport } from './http/transport.js';
import { runProvider } from './run-provider.js';
import { readEnvironment } from './runner/environment.js';
import { readRequestLine, stderrCore, writeToCargo } from './runner/provider-io.js';

/** cargo writes its request at once; this only ends a provider run by hand. */
const REQUEST_WAIT_MS = 60_000;

const USAGE =
  "This is auth-action's cargo credential provider. cargo runs it, through the wrapper that " +
  "the action's main step wrote and named in CARGO_REGISTRY_CREDENTIAL_PROVIDER or " +
  'CARGO_REGISTRIES_<NAME>_CREDENTIAL_PROVIDER; it is not meant to be run by hand.';

/**
 * The credential provider: cargo's stdin and stdout, the step's log on stderr, and the same
 * HTTP client and clock as the action, wired into runProvider.
 */
export async function run(args: string[] = process.argv.slice(2)): Promise<void> {
  const [configPath, flag] = args;
  if (configPath === undefined || flag !== '--cargo-plugin') {
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  try {
    await runProvider({
      io: {
        core: stderrCore(),
        readRequest: () => readRequestLine(REQUEST_WAIT_MS),
        answer: writeToCargo,
      },
      environment: readEnvironment(),
      transport: httpClientTransport,
      clock: systemClock,
      configPath,
    });
  } catch (error) {
    // Only talking to cargo can fail here (every other failure is an answer): cargo has gone.
    const code = (error as { code?: unknown } | undefined)?.code;
    process.stderr.write(
      `auth-action's credential provider could not answer cargo (${typeof code === 'string' ? code : 'the pipe broke'}).\n`,
    );
    process.exitCode = 1;
  }
}
