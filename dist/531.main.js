export const id = 531;
export const ids = [531];
export const modules = {

/***/ 531:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPreflight: () => (/* binding */ runPreflight)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(24);
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

;// CONCATENATED MODULE: ./src/preflight/config-toml.ts
function keyPath(text) {
    const parts = [];
    const re = /\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*(\.|$)/y;
    let at = 0;
    while (at < text.length) {
        re.lastIndex = at;
        const match = re.exec(text);
        if (match === null)
            return undefined;
        parts.push(match[1] !== undefined ? unescapeBasic(match[1]) : (match[2] ?? match[3] ?? ''));
        at = re.lastIndex;
        if (match[4] === '')
            break;
    }
    return parts.length > 0 ? parts : undefined;
}
function unescapeBasic(text) {
    return text.replace(/\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)/g, (_, escape) => {
        if (escape.length > 1)
            return String.fromCodePoint(parseInt(escape.slice(1), 16));
        return { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\' }[escape] ?? escape;
    });
}
function stringValue(text) {
    const match = /^\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')(.*)$/.exec(text);
    if (match === null)
        return undefined;
    const value = match[1] !== undefined ? unescapeBasic(match[1]) : (match[2] ?? '');
    return { value, rest: match[3] ?? '' };
}
const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
function inlineIndex(text) {
    const body = /^\s*\{(.*)\}\s*(#.*)?$/.exec(text)?.[1];
    if (body === undefined)
        return undefined;
    const found = /(?:^|,)\s*(?:index|"index"|'index')\s*=(.*)$/.exec(body);
    return found?.[1] === undefined ? undefined : stringValue(found[1])?.value;
}
function registryIndexInToml(text, name) {
    const wanted = ['registries', name, 'index'];
    let table = [];
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        if (line.startsWith('[[')) {
            table = ['[['];
            continue;
        }
        const header = /^\[([^\]]*)\]\s*(#.*)?$/.exec(line);
        if (header !== null) {
            table = keyPath(header[1] ?? '') ?? ['?'];
            continue;
        }
        const eq = line.indexOf('=');
        if (eq <= 0)
            continue;
        const key = keyPath(line.slice(0, eq));
        if (key === undefined)
            continue;
        const full = [...table, ...key];
        const rest = line.slice(eq + 1);
        if (same(full, wanted)) {
            const value = stringValue(rest)?.value;
            if (value !== undefined)
                return value;
        }
        else if (same(full, wanted.slice(0, 2))) {
            const value = inlineIndex(rest);
            if (value !== undefined)
                return value;
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/preflight/index-location.ts


const CRATES_IO_INDEX = 'https://index.crates.io/';
function indexVariable(name) {
    return `CARGO_REGISTRIES_${name.toUpperCase().replace(/-/g, '_')}_INDEX`;
}
function configFiles(dir, cargoHome, exists) {
    const pick = (folder) => {
        const bare = (0,external_node_path_.join)(folder, 'config');
        if (exists(bare))
            return bare;
        const toml = (0,external_node_path_.join)(folder, 'config.toml');
        return exists(toml) ? toml : undefined;
    };
    const files = [];
    const seen = new Set();
    for (let current = (0,external_node_path_.resolve)(dir);; current = (0,external_node_path_.dirname)(current)) {
        const folder = (0,external_node_path_.join)(current, '.cargo');
        seen.add(folder);
        const file = pick(folder);
        if (file !== undefined)
            files.push(file);
        if ((0,external_node_path_.dirname)(current) === current)
            break;
    }
    if (cargoHome !== undefined && !seen.has((0,external_node_path_.resolve)(cargoHome))) {
        const file = pick((0,external_node_path_.resolve)(cargoHome));
        if (file !== undefined)
            files.push(file);
    }
    return files;
}
function classify(url, from) {
    if (url.startsWith('sparse+')) {
        const base = url.slice('sparse+'.length);
        return { kind: 'sparse', url: base.endsWith('/') ? base : `${base}/`, from };
    }
    return { kind: 'git', url, from };
}
function locateIndex(target, dir, cargo, files) {
    if (target.kind === 'crates-io') {
        return { kind: 'sparse', url: CRATES_IO_INDEX, from: 'crates.io' };
    }
    const variable = indexVariable(target.name);
    const fromEnv = cargo.registryIndexes[variable.slice('CARGO_REGISTRIES_'.length, -'_INDEX'.length)];
    if (fromEnv !== undefined)
        return classify(fromEnv, variable);
    for (const file of configFiles(dir, cargo.home, files.exists)) {
        const text = files.read(file);
        const url = text === undefined ? undefined : registryIndexInToml(text, target.name);
        if (url !== undefined)
            return classify(url, file);
    }
    return { kind: 'unknown', variable };
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













const MAX_CONFIG_BYTES = 1024 * 1024;
const run_preflight_configFiles = {
    exists: (path) => (0,external_node_fs_.existsSync)(path),
    read: (path) => {
        try {
            if ((0,external_node_fs_.statSync)(path).size > MAX_CONFIG_BYTES)
                return undefined;
            return (0,external_node_fs_.readFileSync)(path, 'utf8');
        }
        catch {
            return undefined;
        }
    },
};
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
    const location = locateIndex(target, dir, environment.cargo, run_preflight_configFiles);
    let index;
    let findings = new Map();
    if (location.kind !== 'sparse') {
        core.warning((0,describe/* describeFailure */.Ic)(location.kind === 'git'
            ? { kind: 'index-unknown', registry, reason: 'git', index: location.url }
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
