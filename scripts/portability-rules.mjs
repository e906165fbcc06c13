// What in the tests, the rig and the scripts would work on Linux and fail on the other systems
// GitHub's runners run (macOS: BSD tools and bash 3.2; Windows: no sh for Node's spawn, cmd.exe
// for a .cmd), found by reading the source: __tests__/unit/portability.test.ts runs these over
// the tree, as a grep would. A line that must stay as it is says why in a comment with
// `portable:` on it or on the line before.

/** Flags of GNU's tools that the BSD tools on macOS do not take (or read otherwise). */
const GNU_ONLY = [
  {
    command: 'stat',
    flag: /^(-c|--format|--printf)/,
    instead: 'read it with fs.statSync (BSD stat takes -f)',
  },
  {
    command: 'sed',
    flag: /^(-[a-zA-Z]*i|--in-place)$/,
    instead:
      'give the suffix in the same word (-i.bak), or edit in Node (BSD sed reads the next word as the suffix)',
  },
  {
    command: 'readlink',
    flag: /^-[a-zA-Z]*[fem]/,
    instead: 'use fs.realpathSync (macOS readlink has no -e or -m, and -f only since macOS 12.3)',
  },
  {
    command: 'date',
    flag: /^(-d|--date)/,
    instead: 'compute dates in Node (BSD date parses with -j -f)',
  },
  { command: 'grep', flag: /^(-[a-zA-Z]*P|--perl-regexp)/, instead: 'BSD grep has no -P: use -E' },
  { command: 'find', flag: /^-(printf|regextype)$/, instead: 'BSD find has neither: use Node' },
  { command: 'base64', flag: /^(-w|--wrap)/, instead: 'macOS base64 wraps with -b' },
  { command: 'du', flag: /^(-b|--apparent-size|--block-size)/, instead: 'use fs.statSync sizes' },
  { command: 'time', flag: /^(-f|--format|-v|--verbose)$/, instead: 'BSD time reports with -l' },
  {
    command: 'xargs',
    flag: /^(-d|--delimiter|-a|--arg-file)/,
    instead: 'BSD xargs splits with -0 and reads stdin only',
  },
  // BSD cp, ls, mktemp, sort and touch take short options; their GNU long ones are GNU's.
  ...['cp', 'ls', 'mktemp', 'sort', 'touch', 'head', 'tail', 'wc'].map((command) => ({
    command,
    flag: /^--[a-z]/,
    instead: `BSD ${command} takes no GNU long options: use its short ones, or Node`,
  })),
];

/** GNU coreutils that macOS does not have at all. */
const NOT_ON_MACOS = ['timeout', 'nproc', 'sha1sum', 'sha256sum', 'sha512sum', 'md5sum', 'tac'];

/** Patterns of the rest, each with what to do instead. */
const TEXT_RULES = [
  {
    id: 'spawn-with-shell',
    pattern: /\bshell:\s*true\b/,
    why: 'a command line through a shell is cmd.exe on Windows and sh elsewhere, which quote and expand differently: spawn the program, a .cmd through rig/platform.ts spawnable',
  },
  {
    id: 'exec-with-shell',
    pattern: /(?<![.\w])(exec|execSync)\(/,
    why: 'child_process exec runs a shell (cmd.exe on Windows): use execFile or spawn',
  },
  {
    id: 'sh-c',
    pattern: /['"`](\/bin\/)?(ba)?sh -c\b/,
    onArguments: true,
    why: 'Windows has no sh for Node to spawn: run the program itself',
  },
  {
    id: 'spawn-builtin',
    pattern:
      /\b(spawn|spawnSync|execFile|execFileSync|runCommand)\((\s*\w+,)?\s*['"`](echo|true|false|cd|type|set|export|exit|test|pwd)['"`]/,
    why: 'a shell built-in is no program on Windows (cmd.exe has its own): run node with a script, or the real program',
  },
  {
    id: 'spawn-cmd',
    pattern:
      /\b(spawn|spawnSync|execFile|execFileSync|runCommand)\((\s*\w+,)?\s*['"`]([^'"`]*\.(cmd|bat)|npm|npx|pnpm|yarn)['"`]/i,
    why: 'on Windows that is a .cmd, which Node spawns only through cmd.exe (EINVAL since CVE-2024-27980): use rig/platform.ts spawnable, or process.execPath with the tool’s script',
  },
  {
    id: 'dev-null',
    pattern: /['"`]\/dev\/null\b/,
    why: 'Windows has no /dev/null: use os.devNull, or stdio: "ignore"',
  },
  {
    id: 'tmp',
    pattern: /['"`]\/tmp\//,
    why: 'Windows has no /tmp: use os.tmpdir()',
  },
];

/** A recursive removal, where it must go through rig/remove-tree.ts (Windows' EBUSY). */
const RECURSIVE_RM = /\b(rm|rmSync|rmdir|rmdirSync)\([^;]*?\brecursive:/g;

/**
 * A command and the words after it, from a shell line or from execFile's separate arguments:
 * `'stat', ['-c', '%a']` reads as `'stat -c %a'`. Positions map back to the source.
 */
function joinArguments(text) {
  const separator = /['"`]\s*,\s*\[?\s*['"`]/g;
  let joined = '';
  const origin = [];
  let last = 0;
  for (const match of text.matchAll(separator)) {
    for (let i = last; i < match.index; i++) {
      joined += text[i];
      origin.push(i);
    }
    joined += ' ';
    origin.push(match.index);
    last = match.index + match[0].length;
  }
  for (let i = last; i < text.length; i++) {
    joined += text[i];
    origin.push(i);
  }
  return { joined, origin };
}

const escape = (word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The problems of one file's text: `{ line, rule, why }`, lines from 1. `removals` says whether
 * a recursive removal must go through rig/remove-tree.ts (the tests, the rig, the demo and the
 * benchmarks: what runs on Windows).
 */
export function portabilityProblems(text, { removals = true } = {}) {
  const found = [];
  const lines = text.split('\n');
  const lineOf = (index) => text.slice(0, index).split('\n').length;
  const waived = (line) =>
    [lines[line - 1], lines[line - 2]].some((l) => l !== undefined && /\bportable:\s*\S/.test(l));
  const add = (line, rule, why) => {
    if (!waived(line)) found.push({ line, rule, why });
  };

  const { joined, origin } = joinArguments(text);
  /**
   * Where `command` starts a command (a string, a line of a script, a stage of a pipeline), with
   * the words that follow it: to the end of the string it starts, or of the shell command.
   */
  const commandsNamed = (command) =>
    [...joined.matchAll(new RegExp(`${escape(command)}(?=[\\s'"\`;|&)]|$)`, 'g'))].flatMap(
      (match) => {
        const before = joined.slice(joined.lastIndexOf('\n', match.index) + 1, match.index);
        const start = /(^\s*(-\s+)?(run:\s*)?|[|;&(]\s*|(['"`]))(\S*\/)?$/.exec(before);
        if (start === null) return [];
        const rest = joined.slice(match.index + command.length);
        const quote = start[4];
        const stop = rest.search(quote === undefined ? /[;|&)\n]/ : new RegExp(`[${quote}\n]`));
        const words = (stop === -1 ? rest : rest.slice(0, stop)).split(/\s+/);
        return [{ index: match.index, words, after: rest[0] ?? '' }];
      },
    );
  for (const { command, flag, instead } of GNU_ONLY) {
    for (const { index, words } of commandsNamed(command)) {
      const bad = words.find((word) => flag.test(word));
      if (bad !== undefined)
        add(lineOf(origin[index]), `${command} ${bad}`, `GNU only: ${instead}`);
    }
  }
  for (const command of NOT_ON_MACOS) {
    for (const { index, after } of commandsNamed(command)) {
      // A word alone in quotes is data ('timeout' as a kind), unless a spawn starts it.
      const spawned = /(spawn|spawnSync|execFile|execFileSync)\(\s*['"`]$/.test(
        joined.slice(0, index),
      );
      if (/['"`]/.test(after) && !spawned) continue;
      add(lineOf(origin[index]), command, 'macOS has no such command: use Node');
    }
  }
  for (const { id, pattern, why, onArguments } of TEXT_RULES) {
    const global = new RegExp(pattern.source, `${pattern.flags}g`);
    const source = onArguments ? joined : text;
    for (const match of source.matchAll(global)) {
      add(lineOf(onArguments ? origin[match.index] : match.index), id, why);
    }
  }
  if (removals) {
    for (const match of text.matchAll(RECURSIVE_RM)) {
      add(
        lineOf(match.index),
        'recursive-rm',
        'remove folders with rig/remove-tree.ts: it retries what Windows holds for a moment (EBUSY, EPERM)',
      );
    }
  }
  return found.sort((a, b) => a.line - b.line);
}
