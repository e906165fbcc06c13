// What differs between the systems GitHub's hosted runners run (Linux, macOS, Windows) when the
// rig starts a process. Each function takes the platform and the environment as parameters, so
// the Windows answers are unit-tested on Linux too.
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

/**
 * Windows programs need more of the machine's environment than PATH: without SystemRoot,
 * Winsock and the crypto provider fail to start (node and cargo alike), and cmd.exe, the
 * rustup proxies and the temp folder need the rest. The runner passes the machine's whole
 * environment to a step; the rig passes these few, so a test still sees only what it sets.
 */
const WINDOWS_ENVIRONMENT = [
  'SystemRoot',
  'SystemDrive',
  'windir',
  'ComSpec',
  'PATHEXT',
  'TEMP',
  'TMP',
  'USERPROFILE',
  'APPDATA',
  'LOCALAPPDATA',
  'ProgramData',
  'ProgramFiles',
  'NUMBER_OF_PROCESSORS',
  'PROCESSOR_ARCHITECTURE',
];

/** Windows reads variable names in any case; `process.env` does too, a plain object does not. */
function lookup(env: Record<string, string | undefined>, name: string): string | undefined {
  const key = Object.keys(env).find((k) => k.toUpperCase() === name.toUpperCase());
  return key === undefined ? undefined : env[key];
}

/** The machine's variables every process the rig starts gets: PATH, and Windows' own. */
export function baseEnvironment(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
): Record<string, string> {
  const base: Record<string, string> = {
    PATH: lookup(env, 'PATH') ?? (platform === 'win32' ? '' : '/usr/bin:/bin'),
  };
  if (platform === 'win32') {
    for (const name of WINDOWS_ENVIRONMENT) {
      const value = lookup(env, name);
      if (value !== undefined) base[name] = value;
    }
  }
  return base;
}

/** Where rustup keeps its toolchains: RUSTUP_HOME, else `.rustup` in the user's home. */
export function rustupHome(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  home: string = homedir(),
): string {
  const paths = platform === 'win32' ? win32 : posix;
  return lookup(env, 'RUSTUP_HOME') ?? paths.join(home, '.rustup');
}

/**
 * How to start a program as cargo (or the runner) would. Windows starts a `.cmd` or `.bat`
 * only through cmd.exe, and Node refuses to spawn one directly (EINVAL, since CVE-2024-27980);
 * cargo does the same through Rust's std, which quotes the arguments for cmd.exe. The rig's
 * arguments are plain words (`--cargo-plugin`), so quoting the path is enough here.
 */
export function spawnable(
  platform: NodeJS.Platform,
  command: string,
  args: string[],
  env: Record<string, string | undefined> = {},
): { command: string; args: string[]; windowsVerbatimArguments: boolean } {
  if (platform === 'win32' && /\.(cmd|bat)$/i.test(command)) {
    for (const arg of args) {
      if (!/^[\w.:/\\=-]*$/.test(arg)) throw new Error(`not a plain argument for cmd.exe: ${arg}`);
    }
    const line = [`"${command}"`, ...args].join(' ');
    // /d: no AutoRun; /s /c "...": cmd.exe strips the outer quotes and runs the rest as written.
    return {
      command: lookup(env, 'ComSpec') ?? 'cmd.exe',
      args: ['/d', '/s', '/c', `"${line}"`],
      windowsVerbatimArguments: true,
    };
  }
  return { command, args, windowsVerbatimArguments: false };
}
