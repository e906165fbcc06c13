export const id = 721;
export const ids = [721];
export const modules = {

/***/ 721:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPreflight: () => (/* binding */ runPreflight)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(760);
// EXTERNAL MODULE: ./src/errors/describe.ts
var describe = __webpack_require__(206);
// EXTERNAL MODULE: ./src/errors/failure.ts
var failure = __webpack_require__(685);
// EXTERNAL MODULE: ./src/http/call.ts
var call = __webpack_require__(6);
// EXTERNAL MODULE: ./src/http/policies.ts
var policies = __webpack_require__(196);
// EXTERNAL MODULE: ./src/redact/redact.ts
var redact = __webpack_require__(940);
;// CONCATENATED MODULE: ./src/preflight/index-path.ts
function indexPath(name) {
    const n = name.toLowerCase();
    switch (n.length) {
        case 1:
            return `1/${n}`;
        case 2:
            return `2/${n}`;
        case 3:
            return `3/${n.slice(0, 1)}/${n}`;
        default:
            return `${n.slice(0, 2)}/${n.slice(2, 4)}/${n}`;
    }
}
function indexFileUrl(indexUrl, name) {
    return `${indexUrl}${indexPath(name)}`;
}

// EXTERNAL MODULE: ./src/inputs/cargo-names.ts
var cargo_names = __webpack_require__(200);
;// CONCATENATED MODULE: ./src/preflight/index-file.ts

function comparable(version) {
    const plus = version.indexOf('+');
    return plus === -1 ? version : version.slice(0, plus);
}
function parseLine(line) {
    let json;
    try {
        json = JSON.parse(line);
    }
    catch {
        return undefined;
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json))
        return undefined;
    const { name, vers, yanked } = json;
    if (typeof vers !== 'string' || !cargo_names/* VERSION */.xv.test(vers))
        return undefined;
    return { name, vers, yanked: yanked === true };
}
function parseIndexFile(body, name) {
    const versions = new Map();
    let latest;
    let lines = 0;
    const lower = name.toLowerCase();
    for (const line of body.split('\n')) {
        if (line.trim() === '')
            continue;
        lines++;
        const entry = parseLine(line);
        if (entry === undefined)
            continue;
        if (typeof entry.name === 'string' && entry.name.toLowerCase() !== lower)
            continue;
        const key = comparable(entry.vers);
        versions.set(key, { yanked: entry.yanked || (versions.get(key)?.yanked ?? false) });
        latest = entry.vers;
    }
    if (lines > 0 && versions.size === 0) {
        return { ok: false, problem: 'no line of it is an index entry of this crate' };
    }
    return { ok: true, file: { versions, latest } };
}

;// CONCATENATED MODULE: ./src/preflight/check-index.ts




const MAX_INDEX_FILE_BYTES = 8 * 1024 * 1024;
const INDEX_CONCURRENCY = 8;
const NOT_FOUND = [404, 410, 451];
function get(url, maxBodyBytes) {
    return () => Promise.resolve({
        call: 'index',
        method: 'GET',
        url,
        headers: { accept: 'text/plain', 'cargo-protocol': 'version=1' },
        maxBodyBytes,
    });
}
function asUnreadable(error) {
    if (error instanceof failure/* ActionFailure */.d) {
        return { kind: 'unreadable', failure: error.failure, attempts: error.attempts };
    }
    throw error;
}
async function readIndexFile(net, indexUrl, name) {
    const url = indexFileUrl(indexUrl, name);
    try {
        const file = await (0,call/* callWithRetries */.z)(net, 'index', url, get(url, MAX_INDEX_FILE_BYTES), (response) => {
            const parsed = parseIndexFile(response.body, name);
            return parsed.ok
                ? { done: true, value: parsed.file }
                : {
                    done: false,
                    retryable: false,
                    failure: {
                        kind: 'malformed-response',
                        call: 'index',
                        target: url,
                        status: response.status,
                        problem: parsed.problem,
                    },
                };
        });
        return { kind: 'listed', file };
    }
    catch (error) {
        if (error instanceof failure/* ActionFailure */.d &&
            error.failure.kind === 'http-status' &&
            NOT_FOUND.includes(error.failure.status)) {
            return { kind: 'absent', status: error.failure.status };
        }
        return asUnreadable(error);
    }
}
function requiresAuth(body) {
    try {
        const config = JSON.parse(body);
        return typeof config === 'object' && config !== null && 'auth-required' in config
            ? config['auth-required'] === true
            : false;
    }
    catch {
        return false;
    }
}
async function checkIndexConfig(net, indexUrl) {
    const url = `${indexUrl}config.json`;
    try {
        const authRequired = await (0,call/* callWithRetries */.z)(net, 'index', url, get(url, 64 * 1024), (r) => ({
            done: true,
            value: requiresAuth(r.body),
        }));
        if (!authRequired)
            return undefined;
        return {
            kind: 'unreadable',
            failure: { kind: 'index-auth-required', index: indexUrl },
            attempts: undefined,
        };
    }
    catch (error) {
        return asUnreadable(error);
    }
}
async function boundedAll(items, limit, work, stop) {
    const results = items.map(() => undefined);
    let next = 0;
    let stopped = false;
    const worker = async () => {
        while (!stopped && next < items.length) {
            const i = next++;
            const result = await work(items[i]);
            results[i] = result;
            if (stop(result))
                stopped = true;
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}

// EXTERNAL MODULE: ./src/runner/environment.ts
var environment = __webpack_require__(47);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(24);
// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var dist = __webpack_require__(292);
;// CONCATENATED MODULE: ./src/preflight/config-toml.ts

const MAX_CONFIG_DEPTH = 64;
function keyText(parts) {
    return parts
        .map((part) => (/^[A-Za-z0-9_-]+$/.test(part) ? part : JSON.stringify(part)))
        .join('.');
}
class Refused extends Error {
    doubt;
    constructor(doubt) {
        super(doubt.kind);
        this.doubt = doubt;
    }
}
function fromToml(value, file, path) {
    if (path.length > MAX_CONFIG_DEPTH) {
        const problem = `it nests deeper than ${MAX_CONFIG_DEPTH} levels, more than the check reads`;
        throw new Refused({ kind: 'unreadable', file, problem });
    }
    if (typeof value === 'string')
        return { kind: 'string', value, file };
    if (typeof value === 'boolean')
        return { kind: 'boolean', value, file };
    if (typeof value === 'bigint')
        return { kind: 'integer', file };
    if (Array.isArray(value)) {
        return {
            kind: 'list',
            items: value.map((item, i) => fromToml(item, file, [...path, String(i)])),
            file,
        };
    }
    if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
        const entries = new Map();
        for (const [key, item] of Object.entries(value)) {
            entries.set(key, fromToml(item, file, [...path, key]));
        }
        return { kind: 'table', entries, file };
    }
    const type = value instanceof Date ? 'date-time' : 'float';
    throw new Refused({ kind: 'unsupported-value', file, key: keyText(path), type });
}
function tomlProblem(error) {
    if (error instanceof dist/* TomlError */.zx) {
        const first = error.message.split('\n', 1)[0] ?? '';
        return `line ${error.line}, column ${error.column}: ${first.replace(/^Invalid TOML document: /, '')}`;
    }
    return error instanceof RangeError ? 'it nests too deeply' : 'it does not parse';
}
function readConfigToml(text, file) {
    let parsed;
    try {
        parsed = (0,dist/* parse */.qg)(text, { integersAsBigInt: true, maxDepth: MAX_CONFIG_DEPTH });
    }
    catch (error) {
        return { ok: false, doubt: { kind: 'not-toml', file, problem: tomlProblem(error) } };
    }
    try {
        return { ok: true, table: fromToml(parsed, file, []) };
    }
    catch (error) {
        if (error instanceof Refused)
            return { ok: false, doubt: error.doubt };
        return { ok: false, doubt: { kind: 'not-toml', file, problem: tomlProblem(error) } };
    }
}

;// CONCATENATED MODULE: ./src/preflight/cargo-config.ts



const MAX_CONFIG_BYTES = 1024 * 1024;
const MAX_CONFIG_FILES = 64;
const FS_PROBLEMS = new Map([
    ['ENOENT', 'it does not exist'],
    ['ENOTDIR', 'a part of its path is not a folder'],
    ['EACCES', 'permission denied'],
    ['EPERM', 'permission denied'],
    ['ELOOP', 'its symbolic links loop'],
]);
const flags = external_node_fs_.constants;
const NONBLOCK = flags.O_NONBLOCK ?? 0;
const utf8 = new TextDecoder('utf-8', { fatal: true });
function readConfigFile(path) {
    let fd;
    try {
        if ((0,external_node_fs_.statSync)(path).isDirectory())
            return { ok: false, problem: 'it is a directory' };
        fd = (0,external_node_fs_.openSync)(path, external_node_fs_.constants.O_RDONLY | NONBLOCK);
        const stats = (0,external_node_fs_.fstatSync)(fd);
        if (!stats.isFile())
            return { ok: false, problem: 'it is not a regular file' };
        const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
        let length = 0;
        for (;;) {
            const read = (0,external_node_fs_.readSync)(fd, buffer, length, buffer.length - length, null);
            if (read === 0)
                break;
            length += read;
            if (length > MAX_CONFIG_BYTES) {
                return { ok: false, problem: 'it is larger than 1 MiB, more than the check reads' };
            }
        }
        try {
            return { ok: true, text: utf8.decode(buffer.subarray(0, length)) };
        }
        catch {
            return { ok: false, problem: 'it is not UTF-8 text' };
        }
    }
    catch (error) {
        const code = error.code;
        return {
            ok: false,
            problem: FS_PROBLEMS.get(String(code)) ?? `it could not be read (${String(code)})`,
        };
    }
    finally {
        if (fd !== undefined)
            (0,external_node_fs_.closeSync)(fd);
    }
}
const configFs = {
    exists: (path) => (0,external_node_fs_.existsSync)(path),
    read: readConfigFile,
    canonical: (path) => {
        try {
            return (0,external_node_fs_.realpathSync)(path);
        }
        catch {
            return path;
        }
    },
};
function fileIn(folder, fs) {
    const bare = (0,external_node_path_.join)(folder, 'config');
    if (fs.exists(bare))
        return bare;
    const toml = (0,external_node_path_.join)(folder, 'config.toml');
    return fs.exists(toml) ? toml : undefined;
}
function discoverConfigFiles(dir, home, fs) {
    const files = [];
    const seen = new Set();
    for (let current = fs.canonical((0,external_node_path_.resolve)(dir));; current = (0,external_node_path_.dirname)(current)) {
        const folder = (0,external_node_path_.join)(current, '.cargo');
        const file = fileIn(folder, fs);
        if (file !== undefined)
            files.push(file);
        seen.add(fs.canonical(folder));
        if ((0,external_node_path_.dirname)(current) === current)
            break;
    }
    if (home !== undefined) {
        const folder = (0,external_node_path_.resolve)(dir, home);
        if (!seen.has(fs.canonical(folder)) && !seen.has(folder)) {
            const file = fileIn(folder, fs);
            if (file !== undefined)
                files.push(file);
        }
    }
    return files;
}
class Stop extends Error {
    doubt;
    constructor(doubt) {
        super(doubt.kind);
        this.doubt = doubt;
    }
}
function merge(into, from, force, path) {
    for (const [key, value] of from.entries) {
        const old = into.entries.get(key);
        if (old === undefined) {
            into.entries.set(key, value);
        }
        else if (old.kind === 'table' && value.kind === 'table') {
            merge(old, value, force, [...path, key]);
        }
        else if (old.kind === 'list' && value.kind === 'list') {
        }
        else if (old.kind === 'table' ||
            old.kind === 'list' ||
            value.kind === 'table' ||
            value.kind === 'list') {
            throw new Stop({
                kind: 'conflict',
                key: keyText([...path, key]),
                file: old.file,
                other: value.file,
            });
        }
        else if (force) {
            into.entries.set(key, value);
        }
    }
}
const includeRefused = (file, problem) => new Stop({ kind: 'include', file, problem });
function takeIncludes(table) {
    const value = table.entries.get('include');
    if (value === undefined)
        return [];
    table.entries.delete('include');
    const file = table.file;
    if (value.kind !== 'list') {
        throw includeRefused(file, `\`include\` is a ${value.kind}, not an array (cargo refuses it)`);
    }
    const includes = value.items.map((item, i) => {
        if (item.kind === 'string')
            return { path: item.value, optional: false };
        if (item.kind !== 'table') {
            throw includeRefused(file, `\`include[${i}]\` is a ${item.kind} (cargo refuses it)`);
        }
        const path = item.entries.get('path');
        const optional = item.entries.get('optional');
        if (path?.kind !== 'string') {
            throw includeRefused(file, `\`include[${i}].path\` is not a string (cargo refuses it)`);
        }
        if (optional !== undefined && optional.kind !== 'boolean') {
            throw includeRefused(file, `\`include[${i}].optional\` is not true or false (cargo refuses it)`);
        }
        return { path: path.value, optional: optional?.value === true };
    });
    for (const { path } of includes) {
        const target = (0,external_node_path_.resolve)((0,external_node_path_.dirname)(file), path);
        if ((0,external_node_path_.extname)(path) !== '.toml') {
            throw includeRefused(file, `${target} does not end in \`.toml\` (cargo refuses it)`);
        }
        if (/[*?[\]{}]/.test(path)) {
            throw includeRefused(file, `${target} is a pattern (cargo refuses globs and braces)`);
        }
    }
    return includes;
}
class Loader {
    fs;
    files = [];
    constructor(fs) {
        this.fs = fs;
    }
    load(path, seen) {
        if (seen.has(path)) {
            throw includeRefused(path, 'it is included again, which cargo calls an include cycle');
        }
        seen.add(path);
        if (this.files.length >= MAX_CONFIG_FILES) {
            throw includeRefused(path, `more than ${MAX_CONFIG_FILES} files, more than the check reads`);
        }
        this.files.push(path);
        const read = this.fs.read(path);
        if (!read.ok)
            throw new Stop({ kind: 'unreadable', file: path, problem: read.problem });
        const parsed = readConfigToml(read.text, path);
        if (!parsed.ok)
            throw new Stop(parsed.doubt);
        const own = parsed.table;
        const includes = takeIncludes(own);
        const root = { kind: 'table', entries: new Map(), file: path };
        for (const include of includes) {
            const target = (0,external_node_path_.resolve)((0,external_node_path_.dirname)(path), include.path);
            if (include.optional && !this.fs.exists(target))
                continue;
            merge(root, this.load(target, seen), true, []);
        }
        merge(root, own, true, []);
        return root;
    }
}
function loadCargoConfig(dir, home, fs = configFs) {
    const loader = new Loader(fs);
    const config = { kind: 'table', entries: new Map(), file: '' };
    try {
        for (const file of discoverConfigFiles(dir, home, fs)) {
            merge(config, loader.load(file, new Set()), false, []);
        }
    }
    catch (error) {
        if (error instanceof Stop)
            return { ok: false, doubt: error.doubt, files: loader.files };
        throw error;
    }
    return { ok: true, config, files: loader.files };
}
function lookup(config, parts) {
    let value = config;
    for (const [i, part] of parts.entries()) {
        if (value.kind !== 'table') {
            return { kind: 'not-a-table', key: keyText(parts.slice(0, i)), file: value.file };
        }
        const next = value.entries.get(part);
        if (next === undefined)
            return { kind: 'absent' };
        value = next;
    }
    return { kind: 'found', value };
}

;// CONCATENATED MODULE: ./src/preflight/index-location.ts




const CRATES_IO_INDEX = 'https://index.crates.io/';
function indexVariable(name) {
    return (0,cargo_names/* registryVariable */.EW)(name, 'index');
}
function setting(config, cargo, parts, variable) {
    const key = parts.join('.');
    const found = lookup(config, parts);
    if (found.kind === 'not-a-table') {
        const problem = `cannot be read: \`${found.key}\` is not a table (cargo stops on that)`;
        return {
            kind: 'doubt',
            doubt: { kind: 'bad-setting', key, from: { file: found.file }, problem },
        };
    }
    const fromEnv = cargo.variables[variable];
    if (fromEnv !== undefined)
        return { kind: 'set', value: fromEnv, from: { variable } };
    if (found.kind === 'absent')
        return { kind: 'absent' };
    const { value } = found;
    if (value.kind !== 'string') {
        const problem = `is a ${value.kind}, not a string (cargo stops on that)`;
        return {
            kind: 'doubt',
            doubt: { kind: 'bad-setting', key, from: { file: value.file }, problem },
        };
    }
    return { kind: 'set', value: value.value, from: { file: value.file } };
}
const originText = (from) => ('file' in from ? from.file : from.variable);
function parseUrl(text) {
    try {
        return new URL(text);
    }
    catch {
        return undefined;
    }
}
function classify(text, key, from, files) {
    const doubt = (problem) => ({
        kind: 'doubt',
        doubt: { kind: 'bad-setting', key, from, problem },
        files,
    });
    const outer = parseUrl(text);
    if (outer === undefined)
        return doubt(`is \`${text}\`, which is not a URL (cargo stops on that)`);
    if (outer.password !== '')
        return doubt('has a password in it (cargo refuses that)');
    if (!outer.protocol.startsWith('sparse+')) {
        return { kind: 'git', url: text, from: originText(from), files };
    }
    const url = parseUrl(outer.href.slice('sparse+'.length));
    if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
        return doubt('is a sparse index that is not at an http(s) URL, which the check does not read');
    }
    if (!url.pathname.endsWith('/')) {
        return doubt('is a sparse index URL that does not end in `/` (cargo refuses that)');
    }
    if (url.search !== '' || url.hash !== '') {
        return doubt('is a sparse index URL with a query or a fragment, which the check does not read');
    }
    return { kind: 'sparse', url: url.href, from: originText(from), files };
}
function replacement(config, cargo) {
    const table = lookup(config, ['source', 'crates-io']);
    if (table.kind === 'absent')
        return { kind: 'absent' };
    const parts = ['source', 'crates-io', 'replace-with'];
    const found = setting(config, cargo, parts, environment/* REPLACE_WITH_VARIABLE */.Lf);
    if (found.kind !== 'absent' || table.kind !== 'found')
        return found;
    const { value } = table;
    return value.kind === 'table' && value.entries.size === 0
        ? { kind: 'absent' }
        : { kind: 'set', value: '', from: { file: value.file } };
}
function unless(found, setting, keeps) {
    if (found.kind === 'doubt')
        return found.doubt;
    if (found.kind === 'absent' || found.value === keeps)
        return undefined;
    return { kind: 'elsewhere', setting, from: found.from, value: found.value };
}
function cratesIo(config, cargo, files) {
    const read = (parts, variable) => setting(config, cargo, parts, variable);
    const doubt = unless(read(['registry', 'default'], 'CARGO_REGISTRY_DEFAULT'), 'registry.default', 'crates-io') ??
        unless(read(['registries', 'crates-io', 'protocol'], 'CARGO_REGISTRIES_CRATES_IO_PROTOCOL'), 'protocol', 'sparse') ??
        unless(read(['registry', 'index'], 'CARGO_REGISTRY_INDEX'), 'registry.index') ??
        unless(replacement(config, cargo), 'replace-with');
    if (doubt !== undefined)
        return { kind: 'doubt', doubt, files };
    return { kind: 'sparse', url: CRATES_IO_INDEX, from: 'crates.io', files };
}
function locateIndex(target, dir, cargo, fs = configFs) {
    const loaded = loadCargoConfig(dir, cargo.home, fs);
    const { files } = loaded;
    if (!loaded.ok)
        return { kind: 'doubt', doubt: loaded.doubt, files };
    if (target.kind === 'crates-io')
        return cratesIo(loaded.config, cargo, files);
    const variable = indexVariable(target.name);
    const key = `registries.${target.name}.index`;
    const found = setting(loaded.config, cargo, ['registries', target.name, 'index'], variable);
    if (found.kind === 'doubt')
        return { kind: 'doubt', doubt: found.doubt, files };
    if (found.kind === 'absent')
        return { kind: 'unknown', variable, files };
    return classify(found.value, key, found.from, files);
}
function configReadLine(dir, location) {
    const read = location.files.length === 0
        ? 'no configuration file'
        : location.files.map(describe/* shownPath */.pS).join(', ');
    const from = location.kind !== 'sparse' && location.kind !== 'git'
        ? ''
        : location.from === 'crates.io'
            ? " The index is crates.io's: nothing there changes it."
            : ` The index is set in ${location.from.startsWith('CARGO_') ? location.from : (0,describe/* shownPath */.pS)(location.from)}.`;
    return `cargo's configuration, as cargo reads it when run in ${(0,describe/* shownPath */.pS)(dir)}: ${read}.${from}`;
}

;// CONCATENATED MODULE: ./src/preflight/publishable-crates.ts
const CRATES_IO = 'crates-io';
function releasedTo(crate, target) {
    if (crate.publish === null)
        return true;
    const name = target.kind === 'crates-io' ? CRATES_IO : target.name;
    return crate.publish.includes(name);
}
function notReleasedWhy(crate) {
    if (crate.publish === null)
        return '';
    return crate.publish.length === 0
        ? 'publish = false'
        : `publish = [${crate.publish.map((name) => `"${name}"`).join(', ')}]`;
}

// EXTERNAL MODULE: ./src/diagnose/render.ts
var render = __webpack_require__(389);
;// CONCATENATED MODULE: ./src/preflight/preflight-report.ts


function registryHas(row) {
    const { finding } = row;
    switch (finding.kind) {
        case 'out':
            return finding.yanked ? 'this version, yanked' : 'this version';
        case 'to-publish':
            return finding.latest === undefined
                ? 'the crate, no version'
                : `${finding.others} other version${finding.others === 1 ? '' : 's'}, latest ${(0,redact/* shown */.SP)(finding.latest, 100)}`;
        case 'new':
            return `no such crate (HTTP ${finding.status})`;
        case 'unknown':
            return 'unknown: the index was not read';
        case 'not-here':
            return '—';
    }
}
function whatHappens(row) {
    const { finding } = row;
    switch (finding.kind) {
        case 'out':
            return `skipped: --exclude ${(0,redact/* shown */.SP)(row.crate.name, 64)}`;
        case 'to-publish':
            return 'to publish';
        case 'new':
            return 'refused: a new crate, publish its first version by hand';
        case 'unknown':
            return 'to publish (cargo checks it)';
        case 'not-here':
            return `not released here (${(0,redact/* shown */.SP)(finding.why, 200)})`;
    }
}
function unpublishedOf(rows) {
    return rows
        .filter((row) => row.finding.kind === 'to-publish' || row.finding.kind === 'unknown')
        .map((row) => row.crate);
}
function excludeArguments(rows) {
    return rows
        .filter((row) => row.finding.kind === 'out')
        .map((row) => `--exclude ${row.crate.name}`)
        .join(' ');
}
function verdict(rows) {
    const released = rows.filter((row) => row.finding.kind !== 'not-here');
    const left = unpublishedOf(rows).length;
    const out = rows.filter((row) => row.finding.kind === 'out').length;
    const fresh = rows.filter((row) => row.finding.kind === 'new').length;
    if (fresh > 0) {
        return `${fresh} of the ${released.length} crates to release ${fresh === 1 ? 'is' : 'are'} not in the registry at all: the release would stop there.`;
    }
    if (released.length === 0)
        return 'Nothing to publish: no crate of the workspace is released to this registry.';
    if (rows.some((row) => row.finding.kind === 'unknown')) {
        return `${left} crate${left === 1 ? '' : 's'} to publish as far as the check can tell: the index was not read, so cargo's own check decides.`;
    }
    if (left === 0)
        return `Nothing to publish: the version of each of the ${out} crates to release is in the registry already.`;
    if (out === 0)
        return `${left} crate${left === 1 ? '' : 's'} to publish; none is out yet.`;
    return `${left} crate${left === 1 ? '' : 's'} to publish; ${out} already out (excluded, so that cargo publishes the rest).`;
}
const HEADINGS = ['crate', 'version', 'the registry has', 'what happens'];
function columns(row) {
    return [
        (0,redact/* shown */.SP)(row.crate.name, 64),
        (0,redact/* shown */.SP)(row.crate.version, 100),
        registryHas(row),
        whatHappens(row),
    ];
}
function reportForLog(title, rows) {
    const table = [HEADINGS, ...rows.map(columns)];
    const widths = HEADINGS.map((_, i) => Math.max(...table.map((cells) => (cells[i] ?? '').length)));
    const lines = table.map((cells) => `  ${cells
        .map((text, i) => text.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd()}`);
    return [title, ...lines, verdict(rows)].join('\n');
}
function reportForSummary(title, rows) {
    const out = [
        `### ${(0,render/* cell */.Hn)(title)}`,
        '',
        `| ${HEADINGS.join(' | ')} |`,
        '| --- | --- | --- | --- |',
    ];
    for (const row of rows) {
        const [name = '', version = '', has = '', happens = ''] = columns(row);
        out.push(`| ${(0,render/* codeCell */.MZ)(name)} | ${(0,render/* codeCell */.MZ)(version)} | ${(0,render/* cell */.Hn)(has)} | ${(0,render/* cell */.Hn)(happens)} |`);
    }
    out.push('', (0,render/* cell */.Hn)(verdict(rows)), '');
    return out.join('\n');
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(421);
// EXTERNAL MODULE: ./src/http/error-body.ts
var error_body = __webpack_require__(995);
;// CONCATENATED MODULE: ./src/preflight/workspace-metadata.ts


const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
function parsePackage(value) {
    if (!isObject(value))
        return 'a package that is not an object';
    const { name, version, publish } = value;
    if (typeof name !== 'string' || !cargo_names/* CRATE_NAME */.Q4.test(name)) {
        return 'a package without a name cargo publishes';
    }
    if (typeof version !== 'string' || !cargo_names/* VERSION */.xv.test(version)) {
        return 'a package without a version that reads';
    }
    if (publish === null || publish === undefined)
        return { name, version, publish: null };
    if (!Array.isArray(publish) || publish.length > 100)
        return 'a `publish` that is not a list';
    const names = [];
    for (const entry of publish) {
        if (typeof entry !== 'string' || !cargo_names/* REGISTRY_NAME */.iW.test(entry)) {
            return 'a `publish` list with something that is not a registry name';
        }
        names.push(entry);
    }
    return { name, version, publish: names };
}
function parseMetadata(text) {
    const json = (0,error_body/* parseJson */.qF)(text);
    if (!isObject(json))
        return { ok: false, problem: 'printed something that is not its JSON' };
    const { packages, workspace_members: members } = json;
    if (!Array.isArray(packages))
        return { ok: false, problem: 'printed JSON without `packages`' };
    if (packages.length > 10_000)
        return { ok: false, problem: 'listed more than 10000 packages' };
    const byId = new Map();
    const crates = [];
    for (const entry of packages) {
        const parsed = parsePackage(entry);
        if (typeof parsed === 'string')
            return { ok: false, problem: `listed ${parsed}` };
        crates.push(parsed);
        const id = isObject(entry) ? entry.id : undefined;
        if (typeof id === 'string')
            byId.set(id, parsed);
    }
    if (Array.isArray(members) && members.length === crates.length) {
        const ordered = members.map((id) => (typeof id === 'string' ? byId.get(id) : undefined));
        if (ordered.every((crate) => crate !== undefined))
            return { ok: true, crates: ordered };
    }
    return { ok: true, crates };
}

;// CONCATENATED MODULE: ./src/preflight/read-workspace.ts





const METADATA_TIMEOUT_MS = 120_000;
const MAX_METADATA_BYTES = 64 * 1024 * 1024;
function cargoSaid(stderr) {
    const at = stderr.search(/^error/m);
    return (at === -1 ? stderr : stderr.slice(at)).slice(0, 4000).trim();
}
async function readWorkspace(dir) {
    const manifest = (0,external_node_path_.join)(dir, 'Cargo.toml');
    if (!(0,external_node_fs_.existsSync)(manifest))
        throw new failure/* ActionFailure */.d({ kind: 'no-manifest', dir });
    const args = ['metadata', '--no-deps', '--format-version', '1', '--manifest-path', manifest];
    const { error, stdout, stderr } = await new Promise((resolve) => {
        (0,external_node_child_process_.execFile)('cargo', args, {
            cwd: dir,
            encoding: 'utf8',
            maxBuffer: MAX_METADATA_BYTES,
            timeout: METADATA_TIMEOUT_MS,
            windowsHide: true,
        }, (failure, out, err) => {
            resolve({ error: failure, stdout: out, stderr: err });
        });
    });
    if (error !== null) {
        const code = error.code;
        if (typeof code === 'string' && code !== 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
            throw new failure/* ActionFailure */.d({ kind: 'no-cargo', dir, code });
        }
        const problem = error.killed === true
            ? `did not finish within ${METADATA_TIMEOUT_MS / 1000} s`
            : code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER'
                ? `printed more than ${MAX_METADATA_BYTES / 1024 / 1024} MiB`
                : `failed (exit code ${typeof code === 'number' ? code : 'unknown'})`;
        throw new failure/* ActionFailure */.d({ kind: 'cargo-metadata', dir, problem, said: cargoSaid(stderr) });
    }
    const parsed = parseMetadata(stdout);
    if (!parsed.ok) {
        throw new failure/* ActionFailure */.d({
            kind: 'cargo-metadata',
            dir,
            problem: parsed.problem,
            said: '',
        });
    }
    return parsed.crates;
}

;// CONCATENATED MODULE: ./src/preflight/run-preflight.ts












function findingOf(crate, answer) {
    if (answer === undefined || answer.kind === 'unreadable')
        return { kind: 'unknown' };
    if (answer.kind === 'absent')
        return { kind: 'new', status: answer.status };
    const { versions, latest } = answer.file;
    const listed = versions.get(comparable(crate.version));
    if (listed !== undefined)
        return { kind: 'out', yanked: listed.yanked };
    return { kind: 'to-publish', others: versions.size, latest };
}
async function askIndex(deps, index, crates) {
    const { core, transport, clock, environment } = deps;
    const net = (0,call/* startPhase */.C)({ core, transport, clock }, (0,policies/* preflightTiming */.Gh)(environment.timeScale));
    const labelled = (name) => ({
        ...net,
        core: {
            ...core,
            info: (message) => {
                core.info(`\`${name}\`: ${message}`);
            },
        },
    });
    const [config, answers] = await Promise.all([
        checkIndexConfig(labelled('config.json'), index),
        boundedAll(crates, INDEX_CONCURRENCY, (crate) => readIndexFile(labelled(crate.name), index, crate.name), (answer) => answer.kind === 'unreadable'),
    ]);
    if (config !== undefined && config.kind === 'unreadable')
        return { answers, unreadable: config, crate: undefined };
    const at = answers.findIndex((answer) => answer?.kind === 'unreadable');
    const failed = answers[at];
    return {
        answers,
        unreadable: failed?.kind === 'unreadable' ? failed : undefined,
        crate: crates[at]?.name,
    };
}
function workspaceDir(input, environment) {
    return (0,external_node_path_.isAbsolute)(input) ? input : (0,external_node_path_.resolve)(environment.githubWorkspace ?? '.', input);
}
async function runPreflight(deps, inputs) {
    const { core, environment } = deps;
    const dir = workspaceDir(inputs.workspace, environment);
    const target = inputs.registryName === ''
        ? { kind: 'crates-io' }
        : { kind: 'named', name: inputs.registryName };
    const registry = target.kind === 'crates-io' ? 'crates-io' : target.name;
    const members = await readWorkspace(dir);
    const released = members.filter((crate) => releasedTo(crate, target));
    const notHere = (crate) => ({
        crate,
        finding: { kind: 'not-here', why: notReleasedWhy(crate) },
    });
    const location = locateIndex(target, dir, environment.cargo);
    core.info(configReadLine(dir, location));
    let index;
    let findings = new Map();
    if (location.kind !== 'sparse') {
        core.warning((0,describe/* describeFailure */.Ic)(location.kind === 'git'
            ? { kind: 'index-unknown', registry, reason: 'git', index: location.url }
            : location.kind === 'doubt'
                ? { kind: 'index-doubt', registry, doubt: location.doubt }
                : { kind: 'index-unknown', registry, reason: 'unknown', index: location.variable }));
    }
    else if (released.length > 0) {
        index = location.url;
        core.info(`Checking ${released.length} crate${released.length === 1 ? '' : 's'} of the workspace against the registry's index at ${(0,redact/* shownUrl */.zA)(index)}.`);
        const asked = await askIndex(deps, index, released);
        if (asked.unreadable !== undefined) {
            core.warning((0,describe/* describeFailure */.Ic)({
                kind: 'index-unreadable',
                index,
                crate: asked.crate,
                last: asked.unreadable.failure,
                attempts: asked.unreadable.attempts,
            }));
        }
        else {
            findings = new Map(released.map((crate, i) => [crate, findingOf(crate, asked.answers[i])]));
        }
    }
    const rows = members.map((crate) => releasedTo(crate, target)
        ? { crate, finding: findings.get(crate) ?? { kind: 'unknown' } }
        : notHere(crate));
    const where = target.kind === 'crates-io' ? 'crates.io' : `the registry \`${target.name}\``;
    const title = `auth-action: the workspace against ${where}`;
    core.info(reportForLog(`${title}:`, rows));
    core.appendSummary(reportForSummary(title, rows));
    const fresh = rows.filter((row) => row.finding.kind === 'new').map((row) => row.crate);
    if (fresh.length > 0) {
        throw new failure/* ActionFailure */.d({ kind: 'new-crates', crates: fresh, index: index ?? '', registry });
    }
    const unpublished = unpublishedOf(rows);
    core.setOutput('unpublished', unpublished.map((crate) => crate.name).join(' '));
    core.setOutput('exclude-published', excludeArguments(rows));
    return { index, unpublished };
}


/***/ })

};
