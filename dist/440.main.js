export const id = 440;
export const ids = [440];
export const modules = {

/***/ 6440:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPreflight: () => (/* binding */ runPreflight)
});

// UNUSED EXPORTS: askIndex, findingOf, selectMembers

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors/describe.ts
var describe = __webpack_require__(2206);
// EXTERNAL MODULE: ./src/errors/failure.ts
var failure = __webpack_require__(1685);
// EXTERNAL MODULE: ./src/http/call.ts
var call = __webpack_require__(2006);
// EXTERNAL MODULE: ./src/http/policies.ts
var policies = __webpack_require__(4196);
// EXTERNAL MODULE: ./src/inputs/cargo-names.ts
var cargo_names = __webpack_require__(200);
// EXTERNAL MODULE: ./src/redact/redact.ts
var redact = __webpack_require__(7940);
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

// EXTERNAL MODULE: ./node_modules/semver/classes/range.js
var range = __webpack_require__(6782);
var range_default = /*#__PURE__*/__webpack_require__.n(range);
// EXTERNAL MODULE: ./node_modules/semver/classes/semver.js
var semver = __webpack_require__(7163);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
;// CONCATENATED MODULE: ./src/preflight/cargo-semver.ts


const VERSION_SYNTAX = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;
const U64_MAX = 2n ** 64n - 1n;
const fitsU64 = (digits) => digits === undefined || digits.length < 20 || BigInt(digits) <= U64_MAX;
function isCargoVersion(text) {
    const match = VERSION_SYNTAX.exec(text);
    return match !== null && fitsU64(match[1]) && fitsU64(match[2]) && fitsU64(match[3]);
}
function withoutBuild(version) {
    const plus = version.indexOf('+');
    return plus === -1 ? version : version.slice(0, plus);
}
const WILDCARD = /^[*xX]/;
const NUMBER = /^(0|[1-9]\d*)/;
const IDENTIFIERS = /^[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*/;
const MAX_COMPARATORS = 32;
function comparator(input) {
    const op = /^(>=|<=|=|>|<|~|\^)?/.exec(input)?.[1];
    let text = input.slice(op?.length ?? 0).replace(/^ +/, '');
    const number = () => {
        const found = NUMBER.exec(text)?.[1];
        if (found === undefined || !fitsU64(found))
            return undefined;
        text = text.slice(found.length);
        return found;
    };
    const major = number();
    if (major === undefined)
        return undefined;
    let minor;
    let patch;
    let wildcard = false;
    if (text.startsWith('.')) {
        text = text.slice(1);
        if (WILDCARD.test(text)) {
            wildcard = true;
            text = text.slice(1);
        }
        else if ((minor = number()) === undefined)
            return undefined;
    }
    if (text.startsWith('.')) {
        text = text.slice(1);
        if (WILDCARD.test(text)) {
            wildcard = true;
            text = text.slice(1);
        }
        else if (wildcard || (patch = number()) === undefined)
            return undefined;
    }
    let pre;
    if (patch !== undefined && text.startsWith('-')) {
        pre = IDENTIFIERS.exec(text.slice(1))?.[0];
        if (pre === undefined || pre.split('.').some((id) => /^0\d+$/.test(id)))
            return undefined;
        text = text.slice(1 + pre.length);
    }
    if (patch !== undefined && text.startsWith('+')) {
        const build = IDENTIFIERS.exec(text.slice(1))?.[0];
        if (build === undefined)
            return undefined;
        text = text.slice(1 + build.length);
    }
    const kind = op === undefined ? (wildcard ? '*' : '^') : op;
    return { comparator: { op: kind, major, minor, patch, pre }, rest: text.replace(/^ +/, '') };
}
function parseCargoReq(input) {
    let text = input.replace(/^ +/, '');
    if (WILDCARD.test(text)) {
        return text.slice(1).replace(/^ +/, '') === '' ? { text: input, comparators: [] } : undefined;
    }
    const comparators = [];
    for (;;) {
        const next = comparator(text);
        if (next === undefined)
            return undefined;
        comparators.push(next.comparator);
        if (next.rest === '')
            return { text: input, comparators };
        if (!next.rest.startsWith(',') || comparators.length === MAX_COMPARATORS)
            return undefined;
        text = next.rest.slice(1).replace(/^ +/, '');
    }
}
function npmComparator({ op, major, minor, patch, pre }) {
    const version = [major, minor, patch].filter((part) => part !== undefined).join('.');
    const full = pre === undefined ? version : `${version}-${pre}`;
    return `${op === '*' ? '=' : op}${full}`;
}
function npmRange(req) {
    try {
        return new (range_default())(req.comparators.map(npmComparator).join(' ') || '*');
    }
    catch {
        return undefined;
    }
}
function matches(range, version) {
    let parsed;
    try {
        parsed = new (semver_default())(version);
    }
    catch {
        return undefined;
    }
    return range.test(parsed);
}

;// CONCATENATED MODULE: ./src/preflight/cargo-platform.ts
function tokens(text) {
    const out = [];
    const re = / +|([(),=])|"([^"]*)"|(r#)?([A-Za-z_][A-Za-z0-9_]*)/y;
    let at = 0;
    while (at < text.length) {
        re.lastIndex = at;
        const match = re.exec(text);
        if (match === null)
            return undefined;
        at = re.lastIndex;
        if (match[1] !== undefined)
            out.push(match[1]);
        else if (match[2] !== undefined)
            out.push({ string: match[2] });
        else if (match[4] !== undefined)
            out.push({ ident: match[4], raw: match[3] !== undefined });
    }
    return out;
}
const isIdent = (token, keyword) => typeof token === 'object' &&
    'ident' in token &&
    (keyword === undefined || (token.ident === keyword && !token.raw));
function expression(list, at) {
    const token = list[at];
    if (isIdent(token, 'all') || isIdent(token, 'any')) {
        if (list[at + 1] !== '(')
            return undefined;
        let i = at + 2;
        while (list[i] !== ')') {
            const next = expression(list, i);
            if (next === undefined)
                return undefined;
            i = next;
            if (list[i] === ',')
                i++;
            else if (list[i] !== ')')
                return undefined;
        }
        return i + 1;
    }
    if (isIdent(token, 'not')) {
        if (list[at + 1] !== '(')
            return undefined;
        const inner = expression(list, at + 2);
        return inner !== undefined && list[inner] === ')' ? inner + 1 : undefined;
    }
    if (!isIdent(token))
        return undefined;
    if (list[at + 1] !== '=')
        return at + 1;
    const value = list[at + 2];
    return typeof value === 'object' && 'string' in value ? at + 3 : undefined;
}
function isCargoPlatform(text) {
    if (text.startsWith('cfg(') && text.endsWith(')')) {
        const list = tokens(text.slice(4, -1));
        return list !== undefined && expression(list, 0) === list.length;
    }
    return /^[\p{Alphabetic}\p{Nd}\p{Nl}\p{No}_.-]*$/u.test(text);
}

;// CONCATENATED MODULE: ./src/preflight/index-line.ts


const INDEX_V_MAX = 2;
const PACKAGE_FIELDS = new Set([
    'name',
    'vers',
    'deps',
    'features',
    'features2',
    'cksum',
    'yanked',
    'links',
    'rust_version',
    'pubtime',
    'v',
]);
const DEPENDENCY_FIELDS = new Set([
    'name',
    'req',
    'features',
    'optional',
    'default_features',
    'target',
    'kind',
    'registry',
    'package',
    'public',
    'artifact',
    'bindep_target',
    'lib',
]);
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
function isText(value) {
    return (typeof value === 'string' &&
        !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value));
}
const isOptional = (value, check) => value === undefined || value === null || check(value);
const isBool = (value) => typeof value === 'boolean';
const isTextList = (value) => Array.isArray(value) && value.every(isText);
const isFeatureMap = (value) => isObject(value) && Object.entries(value).every(([key, list]) => isText(key) && isTextList(list));
function keysIn(value) {
    if (Array.isArray(value))
        return value.reduce((n, v) => n + keysIn(v), 0);
    if (!isObject(value))
        return 0;
    let n = 0;
    for (const key in value)
        n += 1 + keysIn(value[key]);
    return n;
}
function keysWritten(line) {
    let n = 0;
    for (let open = line.indexOf('"'); open !== -1;) {
        let close = line.indexOf('"', open + 1);
        for (;;) {
            let slashes = 0;
            while (line.charCodeAt(close - 1 - slashes) === 0x5c)
                slashes++;
            if (slashes % 2 === 0)
                break;
            close = line.indexOf('"', close + 1);
        }
        let next = close + 1;
        for (let c = line.charCodeAt(next); c === 32 || c === 9 || c === 10 || c === 13;) {
            c = line.charCodeAt(++next);
        }
        if (line.charCodeAt(next) === 0x3a)
            n++;
        open = line.indexOf('"', next);
    }
    return n;
}
const TOKEN = /\s*(?:("(?:[^"\\]|\\.)*")(\s*:)?|([{}[\],])|([^\s{}[\],:"]+))/y;
function structure(line) {
    const stack = [];
    let v;
    let repeated;
    let identityRepeated = false;
    TOKEN.lastIndex = 0;
    for (let match = TOKEN.exec(line); match !== null; match = TOKEN.exec(line)) {
        const top = stack.at(-1);
        const [, text, colon, mark, bare] = match;
        if (text !== undefined && colon !== undefined && top?.keys !== undefined) {
            const key = JSON.parse(text);
            const fields = top.role === 'package' ? PACKAGE_FIELDS : DEPENDENCY_FIELDS;
            if (fields.has(key) && top.keys.has(key)) {
                repeated ??= key;
                identityRepeated ||= top.role === 'package' && (key === 'name' || key === 'vers');
            }
            top.keys.add(key);
            top.key = key;
        }
        else if (mark === '{' || mark === '[') {
            const role = top === undefined
                ? 'package'
                : mark === '[' && top.role === 'package' && top.key === 'deps'
                    ? 'deps'
                    : mark === '{' && top.role === 'deps'
                        ? 'dependency'
                        : 'other';
            const known = role === 'package' || role === 'dependency';
            stack.push({ role, keys: known ? new Set() : undefined, key: undefined });
        }
        else if (mark === '}' || mark === ']') {
            stack.pop();
        }
        else if (bare !== undefined && top?.role === 'package' && top.key === 'v') {
            v = bare;
        }
    }
    return { repeated, identityRepeated, v };
}
const PUBTIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;
function isPubtime(value) {
    const m = isText(value) ? PUBTIME.exec(value) : null;
    if (m === null)
        return false;
    const [year = 0, month = 0, day = 0, hour = 24, minute = 60, second = 60] = m
        .slice(1)
        .map(Number);
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
    return day >= 1 && day <= days && hour < 24 && minute < 60 && second < 60;
}
const isRustVersion = (value) => isText(value) && /^(0|[1-9]\d{0,18})(\.(0|[1-9]\d{0,18})){0,2}$/.test(value);
const REQUIREMENTS_SEEN = new Map();
function readsAsRequirement(req) {
    let reads = REQUIREMENTS_SEEN.get(req);
    if (reads === undefined) {
        reads = parseCargoReq(req) !== undefined;
        if (REQUIREMENTS_SEEN.size >= 4096)
            REQUIREMENTS_SEEN.clear();
        REQUIREMENTS_SEEN.set(req, reads);
    }
    return reads;
}
function dependencyProblem(dep) {
    if (!isObject(dep))
        return 'a dependency is not an object';
    const { name, req, features, optional, default_features, target, kind } = dep;
    if (!isText(name) || name === '')
        return 'a dependency has no name';
    if (!isText(req) || !readsAsRequirement(req)) {
        return "a dependency's `req` is not a version requirement cargo reads";
    }
    if (!(features === undefined || isTextList(features)))
        return "a dependency's `features` is not a list of names";
    if (!(optional === undefined || isBool(optional)) ||
        !(default_features === undefined || isBool(default_features))) {
        return "a dependency's `optional` or `default_features` is not true or false";
    }
    if (!isOptional(target, (t) => isText(t) && isCargoPlatform(t))) {
        return "a dependency's `target` is not a platform cargo reads";
    }
    if (!isOptional(kind, isText) ||
        !isOptional(dep.package, isText) ||
        !isOptional(dep.bindep_target, isText)) {
        return 'a dependency has a field that is not text';
    }
    if (!isOptional(dep.registry, (r) => isText(r) && URL.canParse(r))) {
        return "a dependency's `registry` is not a URL";
    }
    if (!isOptional(dep.public, isBool) || !(dep.lib === undefined || isBool(dep.lib))) {
        return "a dependency's `public` or `lib` is not true or false";
    }
    if (!isOptional(dep.artifact, () => false))
        return 'a dependency is an artifact dependency';
    if (optional === true && kind === 'dev')
        return 'a dev-dependency is optional';
    return undefined;
}
const FEATURE_NAME = /^[\p{XID_Start}_0-9][\p{XID_Continue}+.-]*$/u;
function featuresProblem(features, deps) {
    if (features.size === 0 && !deps.some((dep) => dep.optional === true))
        return undefined;
    const optional = new Map();
    for (const dep of deps) {
        const name = dep.name;
        optional.set(name, (optional.get(name) ?? false) || dep.optional === true);
    }
    const values = [...features.values()].flat();
    const explicit = new Set(values.filter((v) => !v.includes('/') && v.startsWith('dep:')).map((v) => v.slice(4)));
    const map = new Map(features);
    for (const [name, isOpt] of optional) {
        if (isOpt && !features.has(name) && !explicit.has(name))
            map.set(name, [`dep:${name}`]);
    }
    const used = new Set();
    for (const [feature, list] of map) {
        if (!FEATURE_NAME.test(feature) || feature.startsWith('dep:'))
            return 'a feature name is not one cargo allows';
        for (const value of list) {
            const slash = value.indexOf('/');
            if (slash !== -1) {
                const dep = value.slice(0, slash);
                const weak = dep.endsWith('?');
                const name = weak ? dep.slice(0, -1) : dep;
                if (value.slice(slash + 1).includes('/') || name.startsWith('dep:')) {
                    return 'a feature names a dependency’s feature in a form cargo refuses';
                }
                if (!optional.has(name) || (weak && optional.get(name) !== true)) {
                    return 'a feature names a dependency that is not there';
                }
                used.add(name);
            }
            else if (value.startsWith('dep:')) {
                const name = value.slice(4);
                if (optional.get(name) !== true)
                    return 'a feature names a dependency that is not optional';
                used.add(name);
            }
            else if (!features.has(value)) {
                const isOpt = optional.get(value);
                if (isOpt === undefined || !isOpt || !map.has(value)) {
                    return 'a feature names neither a feature nor an optional dependency';
                }
            }
        }
    }
    for (const [name, isOpt] of optional) {
        if (isOpt && !used.has(name))
            return 'an optional dependency is in no feature';
    }
    return undefined;
}
function packageProblem(json, v) {
    const { name, vers, deps, features, features2, cksum, yanked, links } = json;
    if (!isText(name))
        return 'its `name` is missing or not text';
    if (!isText(vers) || !isCargoVersion(vers))
        return 'its `vers` is not a version cargo reads';
    if (!Array.isArray(deps))
        return 'it has no `deps` list';
    if (!(features === undefined || isFeatureMap(features)))
        return 'its `features` is not a map of lists of names';
    if (!isOptional(features2, isFeatureMap))
        return 'its `features2` is not a map of lists of names';
    if (!isText(cksum))
        return 'its `cksum` is missing or not text';
    if (!isOptional(yanked, isBool))
        return 'its `yanked` is not true, false or null';
    if (!isOptional(links, isText))
        return 'its `links` is not text';
    if (!isOptional(json.rust_version, isRustVersion))
        return 'its `rust_version` is not one cargo reads';
    if (!isOptional(json.pubtime, isPubtime))
        return 'its `pubtime` is not a time cargo reads';
    if (json.v !== undefined && json.v !== null) {
        if (v === undefined || !/^(0|[1-9]\d{0,9})$/.test(v) || Number(v) > 0xffffffff) {
            return 'its schema version `v` is not a whole number';
        }
        if (Number(v) > INDEX_V_MAX)
            return `its schema version \`v\` is newer than cargo 1.95 reads (${INDEX_V_MAX})`;
    }
    for (const dep of deps) {
        const problem = dependencyProblem(dep);
        if (problem !== undefined)
            return problem;
    }
    const merged = new Map(Object.entries(features ?? {}));
    for (const [key, list] of Object.entries(features2 ?? {})) {
        merged.set(key, [...(merged.get(key) ?? []), ...list]);
    }
    return featuresProblem(merged, deps);
}
function readIndexLine(line) {
    let json;
    try {
        json = JSON.parse(line);
    }
    catch {
        return { kind: 'skipped', why: 'it is not JSON' };
    }
    if (!isObject(json))
        return { kind: 'skipped', why: 'it is not a JSON object' };
    const numericV = typeof json.v === 'number';
    const shape = numericV || keysIn(json) !== keysWritten(line)
        ? structure(line)
        : { repeated: undefined, identityRepeated: false, v: undefined };
    const { name, vers } = json;
    const claims = !shape.identityRepeated && isText(name) && isText(vers) && isCargoVersion(vers)
        ? { claims: { name, vers } }
        : {};
    if (shape.repeated !== undefined) {
        return { kind: 'skipped', why: `it gives the field \`${shape.repeated}\` twice`, ...claims };
    }
    const problem = packageProblem(json, numericV ? shape.v : undefined);
    if (problem !== undefined)
        return { kind: 'skipped', why: problem, ...claims };
    return {
        kind: 'entry',
        name: json.name,
        vers: json.vers,
        yanked: json.yanked === true,
    };
}

;// CONCATENATED MODULE: ./src/preflight/index-file.ts



const CHUNK_BYTES = (/* unused pure expression or super */ null && (64 * 1024));
const MAX_YANKED_SHOWN = 5;
const turn = () => new Promise((resolve) => {
    setImmediate(resolve);
});
function keep(tally, vers, kept) {
    if (withoutBuild(vers) === tally.asked)
        tally.own.set(vers, kept);
    const relevant = tally.ranges.some(({ range }) => range !== undefined && matches(range, vers) !== false);
    if (relevant)
        tally.matching.set(vers, kept);
}
function count(tally, line, name) {
    const reading = readIndexLine(line);
    const { file } = tally;
    if (reading.kind === 'skipped') {
        if (reading.why !== 'it is not JSON')
            tally.jsonLines++;
        file.skipped.lines++;
        file.skipped.why ??= reading.why;
        if (reading.claims !== undefined) {
            keep(tally, reading.claims.vers, { name: reading.claims.name, state: 'invalid' });
        }
        return;
    }
    tally.jsonLines++;
    keep(tally, reading.vers, { name: reading.name, state: reading.yanked ? 'yanked' : 'candidate' });
    if (reading.name !== name) {
        if (reading.name.toLowerCase() === name.toLowerCase())
            file.knownAs ??= reading.name;
        else {
            file.skipped.lines++;
            file.skipped.why ??= 'it is a version of another crate';
        }
        return;
    }
    if (withoutBuild(reading.vers) !== tally.asked)
        file.others++;
    if (cargo_names/* VERSION */.xv.test(reading.vers))
        file.latest = reading.vers;
}
function answerFor(range, matching, name) {
    const answer = { usable: false, yanked: [], judged: range !== undefined };
    if (range === undefined)
        return answer;
    for (const [vers, kept] of matching) {
        if (kept.name !== name)
            continue;
        const matched = matches(range, vers);
        if (matched === undefined)
            answer.judged = false;
        else if (matched && kept.state === 'candidate')
            answer.usable = true;
        else if (matched && kept.state === 'yanked' && answer.yanked.length < MAX_YANKED_SHOWN) {
            answer.yanked.push(vers);
        }
    }
    return answer;
}
const NO_TIME = { now: () => 0, busy: () => undefined };
function indexFileReader(question, time = NO_TIME) {
    const ranges = [...new Set(question.requirements)].map((req) => {
        const parsed = parseCargoReq(req);
        return { req, range: parsed === undefined ? undefined : npmRange(parsed) };
    });
    const tally = {
        file: {
            version: { listed: false, yanked: false },
            others: 0,
            latest: undefined,
            skipped: { lines: 0, why: undefined },
            knownAs: undefined,
            requirements: new Map(),
        },
        jsonLines: 0,
        asked: question.version === undefined ? undefined : withoutBuild(question.version),
        ranges,
        own: new Map(),
        matching: new Map(),
    };
    let lines = 0;
    let partial = [];
    const line = (bytes) => {
        const text = bytes.toString('utf8');
        if (text.trim() === '')
            return;
        lines++;
        count(tally, text, question.name);
    };
    return {
        write(chunk) {
            const started = time.now();
            let at = 0;
            for (let end = chunk.indexOf(0x0a); end !== -1; end = chunk.indexOf(0x0a, at)) {
                const piece = chunk.subarray(at, end);
                line(partial.length === 0 ? piece : Buffer.concat([...partial, piece]));
                partial = [];
                at = end + 1;
            }
            if (at < chunk.length)
                partial.push(chunk.subarray(at));
            time.busy(time.now() - started);
        },
        finish() {
            if (partial.length > 0)
                line(Buffer.concat(partial));
            partial = [];
            if (lines > 0 && tally.jsonLines === 0) {
                return { ok: false, problem: 'no line of it is JSON: it is not an index file' };
            }
            const { file } = tally;
            const own = [...tally.own.values()].filter((kept) => kept.name === question.name);
            const candidate = own.some((kept) => kept.state === 'candidate');
            const yanked = own.some((kept) => kept.state === 'yanked');
            file.version = { listed: candidate || yanked, yanked: yanked && !candidate };
            for (const { req, range } of ranges) {
                file.requirements.set(req, answerFor(range, tally.matching, question.name));
            }
            return { ok: true, file };
        },
    };
}
async function parseIndexFile(body, question, time = NO_TIME) {
    const reader = indexFileReader(question, time);
    const bytes = typeof body === 'string'
        ? Buffer.from(body, 'utf8')
        : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
        if (at > 0)
            await turn();
        reader.write(bytes.subarray(at, at + CHUNK_BYTES));
    }
    return reader.finish();
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
function withoutOwnTime(clock) {
    let own = 0;
    return {
        clock: { ...clock, now: () => clock.now() - own },
        busy: (ms) => {
            own += Math.max(0, ms);
        },
        ownMs: () => own,
    };
}
const NO_OWN_TIME = { busy: () => undefined, ownMs: () => 0 };
async function readIndexFile(net, indexUrl, question, own = NO_OWN_TIME) {
    const url = indexFileUrl(indexUrl, question.name);
    let reader;
    const request = get(url, MAX_INDEX_FILE_BYTES);
    const prepare = async () => {
        reader = indexFileReader(question, { now: () => net.clock.now(), busy: own.busy });
        return { ...(await request()), sink: reader, ownTime: own.ownMs };
    };
    try {
        const file = await (0,call/* callWithRetries */.z)(net, 'index', url, prepare, (response) => {
            if (response.body !== '')
                reader?.write(Buffer.from(response.body, 'utf8'));
            const parsed = reader?.finish() ?? { ok: false, problem: 'nothing was read' };
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
var environment = __webpack_require__(5047);
// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var dist = __webpack_require__(3292);
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
var render = __webpack_require__(5770);
// EXTERNAL MODULE: ./src/output/summary.ts
var summary = __webpack_require__(1213);
;// CONCATENATED MODULE: ./src/preflight/preflight-report.ts



const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
function registryHas(row) {
    const { finding } = row;
    switch (finding.kind) {
        case 'out':
            return finding.yanked ? 'this version, yanked' : 'this version';
        case 'to-publish': {
            const unread = finding.unread > 0 ? `; ${plural(finding.unread, 'line')} cargo does not read` : '';
            return finding.latest === undefined
                ? `the crate, no version${unread}`
                : `${plural(finding.others, 'other version')}, latest ${(0,redact/* shown */.SP)(finding.latest, 100)}${unread}`;
        }
        case 'new':
            return `no such crate (HTTP ${finding.status})`;
        case 'renamed':
            return `the crate as ${(0,redact/* shown */.SP)(finding.knownAs, 64)}`;
        case 'held-back':
        case 'not-here':
            return '—';
        case 'unknown':
            return `unknown: ${finding.why ?? 'the index was not read'}`;
    }
}
function whatHappens(row) {
    const { finding } = row;
    const exclude = `--exclude ${(0,redact/* shown */.SP)(row.crate.name, 64)}`;
    switch (finding.kind) {
        case 'out':
            return `skipped: ${exclude}`;
        case 'to-publish':
            return finding.unread > 0 ? 'to publish (cargo checks it)' : 'to publish';
        case 'new':
            return finding.skip
                ? `skipped (new-crates: skip): ${exclude}; publish its first version by hand`
                : 'refused: a new crate, publish its first version by hand';
        case 'renamed':
            return finding.skip
                ? `skipped (new-crates: skip): ${exclude}; the registry knows it as ${(0,redact/* shown */.SP)(finding.knownAs, 64)}`
                : 'refused: the registry knows it by another name';
        case 'held-back':
            return `skipped: ${exclude}; it depends on ${(0,redact/* shown */.SP)(finding.on, 64)}, which is skipped`;
        case 'unknown':
            return 'to publish (cargo checks it)';
        case 'not-here':
            return finding.excluded
                ? `not released here (${(0,redact/* shown */.SP)(finding.why, 200)}): ${exclude}`
                : `not released here (${(0,redact/* shown */.SP)(finding.why, 200)})`;
    }
}
function unpublishedOf(rows) {
    return rows
        .filter((row) => row.finding.kind === 'to-publish' || row.finding.kind === 'unknown')
        .map((row) => row.crate);
}
function isExcluded(finding) {
    switch (finding.kind) {
        case 'out':
        case 'held-back':
            return true;
        case 'new':
        case 'renamed':
            return finding.skip;
        case 'not-here':
            return finding.excluded;
        default:
            return false;
    }
}
function excludeArguments(rows) {
    return rows
        .filter((row) => isExcluded(row.finding))
        .map((row) => `--exclude ${row.crate.name}`)
        .join(' ');
}
const released = (finding) => finding.kind !== 'not-here';
const refused = (finding) => (finding.kind === 'new' || finding.kind === 'renamed') && !finding.skip;
const left = (finding) => finding.kind === 'held-back' ||
    ((finding.kind === 'new' || finding.kind === 'renamed') && finding.skip);
function verdict(rows) {
    const toRelease = rows.filter((row) => released(row.finding)).length;
    const unpublished = unpublishedOf(rows).length;
    const out = rows.filter((row) => row.finding.kind === 'out').length;
    const fresh = rows.filter((row) => refused(row.finding)).length;
    const skipped = rows.filter((row) => left(row.finding)).length;
    if (fresh > 0) {
        return `${fresh} of the ${toRelease} crates to release ${fresh === 1 ? 'is' : 'are'} not in the registry under ${fresh === 1 ? 'its' : 'their'} name, and trusted publishing cannot create a crate: the release stops here, before any token.`;
    }
    if (toRelease === 0)
        return 'Nothing to publish: no crate of the workspace is released to this registry.';
    const held = skipped > 0 ? `; ${skipped} skipped (new crates, and what depends on them)` : '';
    if (rows.some((row) => row.finding.kind === 'unknown')) {
        return `${plural(unpublished, 'crate')} to publish as far as the check can tell: the index was not read, so cargo's own check decides${held}.`;
    }
    if (unpublished === 0) {
        return skipped > 0
            ? `Nothing to publish: of the ${toRelease} crates to release, ${out} ${out === 1 ? 'is' : 'are'} in the registry already and ${skipped} skipped (new crates, and what depends on them).`
            : `Nothing to publish: the version of each of the ${out} crates to release is in the registry already.`;
    }
    if (out === 0)
        return `${plural(unpublished, 'crate')} to publish; none is out yet${held}.`;
    return `${plural(unpublished, 'crate')} to publish; ${out} already out (excluded, so that cargo publishes the rest)${held}.`;
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
function failingFirst(rows, stoppedAt) {
    const rank = (row) => refused(row.finding) || stoppedAt.includes(row.crate.name)
        ? 0
        : left(row.finding) || row.finding.kind === 'unknown'
            ? 1
            : 2;
    return [...rows].sort((a, b) => rank(a) - rank(b));
}
function summaryStatus(rows, context) {
    const { docs } = context;
    if (context.stop !== undefined) {
        const fresh = rows.filter((row) => refused(row.finding));
        const names = fresh.map((row) => (0,render/* codeCell */.MZ)(row.crate.name)).join(', ');
        const answer = fresh.length > 0
            ? `${names} ${fresh.length === 1 ? 'is' : 'are'} not in the registry under ${fresh.length === 1 ? 'its' : 'their'} name, and trusted publishing cannot create a crate; nothing was published and no token was requested.`
            : 'nothing was published and no token was requested.';
        const link = fresh.length > 0
            ? (0,summary/* troubleshootingLink */.rT)(docs, 'new-crate', 'a crate the registry does not have')
            : (0,summary/* troubleshootingLink */.rT)(docs, 'before-exchange', 'failures before the exchange');
        return {
            status: (0,summary/* statusLine */.Bs)('❌', `**The release did not start**: ${answer}`),
            next: `${(0,render/* cell */.Hn)(context.stop)} See ${link}.`,
        };
    }
    if (rows.some((row) => row.finding.kind === 'unknown')) {
        const why = context.unread === undefined ? '' : ` (${(0,render/* cell */.Hn)(context.unread)})`;
        const n = unpublishedOf(rows).length;
        return {
            status: (0,summary/* statusLine */.Bs)('⚠️', `**${plural(n, 'crate')} to publish as far as the check can tell**: the index was not read${why}, so cargo's own check decides; nothing is blocked. See ${(0,summary/* troubleshootingLink */.rT)(docs, 'index-unreadable', 'the index could not be read')}.`),
        };
    }
    const doubt = rows.some((row) => left(row.finding) || (row.finding.kind === 'to-publish' && row.finding.unread > 0));
    return {
        status: doubt
            ? (0,summary/* statusLine */.Bs)('⚠️', `${(0,render/* cell */.Hn)(verdict(rows))} The step's warning says what is left out or in doubt.`)
            : (0,summary/* statusLine */.Bs)('✅', (0,render/* cell */.Hn)(verdict(rows))),
    };
}
function reportForSummary(title, rows, context = {}) {
    const table = [`| ${HEADINGS.join(' | ')} |`, '| --- | --- | --- | --- |'];
    for (const row of failingFirst(rows, context.stoppedAt ?? [])) {
        const [name = '', version = '', has = '', happens = ''] = columns(row);
        table.push(`| ${(0,render/* codeCell */.MZ)(name)} | ${(0,render/* codeCell */.MZ)(version)} | ${(0,render/* cell */.Hn)(has)} | ${(0,render/* cell */.Hn)(happens)} |`);
    }
    const { status, next } = summaryStatus(rows, context);
    const heading = context.stop === undefined ? title : `${title}: the release stops here`;
    return (0,summary/* summarySection */.Gd)(`### ${(0,render/* cell */.Hn)(heading)}`, status, next, table.join('\n'));
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./src/http/error-body.ts
var error_body = __webpack_require__(4995);
;// CONCATENATED MODULE: ./src/preflight/workspace-metadata.ts


const MAX_TEXT = 4096;
const MAX_DEPENDENCIES = 10_000;
const workspace_metadata_isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const workspace_metadata_isText = (value) => typeof value === 'string' && value.length <= MAX_TEXT;
function parseDependency(value) {
    if (!workspace_metadata_isObject(value))
        return undefined;
    const { name, req, kind, path } = value;
    if (!workspace_metadata_isText(name) || !workspace_metadata_isText(req))
        return undefined;
    const known = kind === null || kind === 'dev' || kind === 'build';
    if (!known)
        return undefined;
    return { name, req, kind: kind ?? 'normal', path: workspace_metadata_isText(path) };
}
function parsePackage(value) {
    if (!workspace_metadata_isObject(value))
        return 'a package that is not an object';
    const { name, version, publish, manifest_path: manifestPath, dependencies } = value;
    if (typeof name !== 'string' || !cargo_names/* CARGO_PACKAGE_NAME */.yF.test(name)) {
        return 'a package without a name cargo allows';
    }
    if (!workspace_metadata_isText(version) || version === '')
        return 'a package without a version';
    if (!workspace_metadata_isText(manifestPath))
        return 'a package without its manifest';
    const deps = Array.isArray(dependencies) ? dependencies.slice(0, MAX_DEPENDENCIES) : [];
    const parsed = {
        name,
        version,
        manifestPath,
        dependencies: deps.map(parseDependency).filter((dep) => dep !== undefined),
    };
    if (publish === null || publish === undefined)
        return { ...parsed, publish: null };
    if (!Array.isArray(publish) || publish.length > 100)
        return 'a `publish` that is not a list';
    const names = [];
    for (const entry of publish) {
        if (typeof entry !== 'string' || !cargo_names/* REGISTRY_NAME */.iW.test(entry)) {
            return 'a `publish` list with something that is not a registry name';
        }
        names.push(entry);
    }
    return { ...parsed, publish: names };
}
function parseMetadata(text) {
    const json = (0,error_body/* parseJson */.qF)(text);
    if (!workspace_metadata_isObject(json))
        return { ok: false, problem: 'printed something that is not its JSON' };
    const { packages, workspace_members: members, workspace_root: root } = json;
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
        const id = workspace_metadata_isObject(entry) ? entry.id : undefined;
        if (typeof id === 'string')
            byId.set(id, parsed);
    }
    const workspaceRoot = workspace_metadata_isText(root) ? root : undefined;
    if (Array.isArray(members) && members.length === crates.length) {
        const ordered = members.map((id) => (typeof id === 'string' ? byId.get(id) : undefined));
        if (ordered.every((crate) => crate !== undefined)) {
            return { ok: true, crates: ordered, root: workspaceRoot };
        }
    }
    return { ok: true, crates, root: workspaceRoot };
}

;// CONCATENATED MODULE: ./src/preflight/read-workspace.ts





const METADATA_TIMEOUT_MS = 120_000;
const MAX_METADATA_BYTES = 64 * 1024 * 1024;
const ESCAPES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;
function cargoSaid(stderr) {
    const plain = stderr.replace(ESCAPES, '');
    const at = plain.search(/^error/m);
    return (at === -1 ? plain : plain.slice(at)).slice(0, 4000).trim();
}
async function readWorkspace(dir) {
    const manifest = (0,external_node_path_.join)(dir, 'Cargo.toml');
    if (!(0,external_node_fs_.existsSync)(manifest))
        throw new failure/* ActionFailure */.d({ kind: 'no-manifest', dir });
    const args = [
        'metadata',
        '--no-deps',
        '--format-version',
        '1',
        '--color',
        'never',
        '--manifest-path',
        manifest,
    ];
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
    return { crates: parsed.crates, root: parsed.root };
}

;// CONCATENATED MODULE: ./src/preflight/run-preflight.ts













const MAX_SPELLINGS_ASKED = 20;
function findingOf(answer, skipNew = false, unread) {
    if (answer === undefined || answer.kind === 'unreadable') {
        return unread === undefined ? { kind: 'unknown' } : { kind: 'unknown', why: unread };
    }
    if (answer.kind === 'absent') {
        return answer.knownAs === undefined
            ? { kind: 'new', status: answer.status, skip: skipNew }
            : { kind: 'renamed', knownAs: answer.knownAs, skip: skipNew };
    }
    const { version, others, latest, skipped, knownAs } = answer.file;
    if (version.listed)
        return { kind: 'out', yanked: version.yanked };
    if (latest === undefined && knownAs !== undefined) {
        return { kind: 'renamed', knownAs, skip: skipNew };
    }
    return { kind: 'to-publish', others, latest, unread: skipped.lines };
}
function workspaceDir(input, environment) {
    return (0,external_node_path_.isAbsolute)(input) ? input : (0,external_node_path_.resolve)(environment.githubWorkspace ?? '.', input);
}
function realPath(path) {
    try {
        return external_node_fs_.realpathSync.native(path);
    }
    catch {
        return (0,external_node_path_.resolve)(path);
    }
}
function selectMembers(workspace, dir) {
    const manifest = realPath((0,external_node_path_.resolve)(dir, 'Cargo.toml'));
    const own = workspace.crates.find((crate) => realPath(crate.manifestPath) === manifest);
    const atRoot = workspace.root !== undefined && realPath(workspace.root) === realPath(dir);
    return own !== undefined && !atRoot ? [own] : workspace.crates;
}
const memberDeps = (crate, members) => crate.dependencies.filter((dep) => dep.path && members.has(dep.name));
function questionsFor(toRelease, workspace, target) {
    const members = new Map(workspace.crates.map((crate) => [crate.name, crate]));
    const requirements = new Map();
    for (const crate of toRelease) {
        for (const dep of memberDeps(crate, members)) {
            requirements.set(dep.name, [...(requirements.get(dep.name) ?? []), dep.req]);
        }
    }
    const asked = new Set(toRelease.map((crate) => crate.name));
    const questions = toRelease.map((crate) => ({
        name: crate.name,
        version: crate.version,
        requirements: requirements.get(crate.name) ?? [],
    }));
    for (const [name, reqs] of requirements) {
        const member = members.get(name);
        if (asked.has(name) || member === undefined || !releasedTo(member, target))
            continue;
        if (!cargo_names/* CRATE_NAME */.Q4.test(name))
            continue;
        questions.push({ name, version: undefined, requirements: reqs });
    }
    return questions;
}
const spellings = (name) => [...new Set([name.replace(/_/g, '-'), name.replace(/-/g, '_')])].filter((n) => n !== name);
async function askIndex(deps, index, questions) {
    const { core, transport, environment } = deps;
    const own = withoutOwnTime(deps.clock);
    const net = (0,call/* startPhase */.C)({ core, transport, clock: own.clock }, (0,policies/* preflightTiming */.Gh)(environment.timeScale));
    const labelled = (name) => ({
        ...net,
        core: {
            ...core,
            info: (message) => {
                core.info(`\`${name}\`: ${message}`);
            },
        },
    });
    const read = (question) => readIndexFile(labelled(question.name), index, question, own);
    const [config, answers] = await Promise.all([
        checkIndexConfig(labelled('config.json'), index),
        boundedAll(questions, INDEX_CONCURRENCY, read, (answer) => answer.kind === 'unreadable'),
    ]);
    if (config !== undefined && config.kind === 'unreadable')
        return { answers, unreadable: config, crate: undefined };
    const at = answers.findIndex((answer) => answer?.kind === 'unreadable');
    const failed = answers[at];
    if (failed?.kind === 'unreadable') {
        return { answers, unreadable: failed, crate: questions[at]?.name };
    }
    const absent = answers.flatMap((answer, i) => answer?.kind === 'absent' ? [{ answer, name: questions[i]?.name ?? '' }] : []);
    await boundedAll(absent
        .slice(0, MAX_SPELLINGS_ASKED)
        .flatMap(({ answer, name }) => spellings(name).map((spelling) => ({ answer, spelling }))), INDEX_CONCURRENCY, async ({ answer, spelling }) => {
        const other = await read({ name: spelling, version: undefined, requirements: [] });
        if (other.kind === 'listed' && other.file.latest !== undefined)
            answer.knownAs ??= spelling;
    }, () => false);
    if (own.ownMs() >= 1000) {
        core.info(`Reading the index files took this step ${(own.ownMs() / 1000).toFixed(1)} s of its own; that time is not counted against the index's time budget.`);
    }
    return { answers, unreadable: undefined, crate: undefined };
}
function holdBack(rows, crates) {
    const members = new Map(crates);
    const left = new Set(rows
        .filter(({ finding }) => (finding.kind === 'new' || finding.kind === 'renamed') && finding.skip)
        .map((row) => row.crate.name));
    for (let changed = left.size > 0; changed;) {
        changed = false;
        for (const row of rows) {
            if (row.finding.kind !== 'to-publish' && row.finding.kind !== 'unknown')
                continue;
            const crate = members.get(row.crate.name);
            const on = crate && memberDeps(crate, members).find((dep) => left.has(dep.name));
            if (on === undefined)
                continue;
            row.finding = { kind: 'held-back', on: on.name };
            left.add(row.crate.name);
            changed = true;
        }
    }
}
function dependencyProblems(rows, crates, answers) {
    const publishing = new Set(unpublishedOf(rows).map((crate) => crate.name));
    const problems = [];
    for (const name of publishing) {
        const crate = crates.get(name);
        if (crate === undefined)
            continue;
        for (const dep of memberDeps(crate, crates)) {
            if (publishing.has(dep.name))
                continue;
            const answer = answers.get(dep.name);
            const problem = {
                crate: { name, version: crate.version },
                dependency: dep.name,
                req: dep.req,
            };
            if (answer?.kind === 'absent' && answer.knownAs === undefined) {
                problems.push({ ...problem, missing: true, yanked: [] });
            }
            else if (answer?.kind === 'listed' && answer.file.skipped.lines === 0) {
                const found = answer.file.requirements.get(dep.req);
                if (found !== undefined && found.judged && !found.usable) {
                    problems.push({ ...problem, missing: false, yanked: found.yanked });
                }
            }
        }
    }
    return problems;
}
function warnAbout(core, rows, answers, { index, registry }) {
    const unread = rows.flatMap(({ crate, finding }) => {
        const answer = answers.get(crate.name);
        const why = answer?.kind === 'listed' ? answer.file.skipped.why : undefined;
        return finding.kind === 'to-publish' && finding.unread > 0
            ? [{ crate, lines: finding.unread, why: why ?? '' }]
            : [];
    });
    if (unread.length > 0) {
        core.warning((0,describe/* describeFailure */.Ic)({ kind: 'index-lines', index, crates: unread }));
    }
    const skipped = rows.flatMap(({ crate, finding }) => finding.kind === 'new' && finding.skip
        ? [crate]
        : finding.kind === 'renamed' && finding.skip
            ? [{ ...crate, knownAs: finding.knownAs }]
            : []);
    const held = rows.flatMap(({ crate, finding }) => finding.kind === 'held-back' ? [{ crate, on: finding.on }] : []);
    if (skipped.length > 0) {
        core.warning((0,describe/* describeFailure */.Ic)({ kind: 'crates-skipped', registry, skipped, held }));
    }
}
async function runPreflight(deps, inputs) {
    const { core, environment } = deps;
    const dir = workspaceDir(inputs.workspace, environment);
    const target = inputs.registryName === ''
        ? { kind: 'crates-io' }
        : { kind: 'named', name: inputs.registryName };
    const registry = target.kind === 'crates-io' ? 'crates-io' : target.name;
    const workspace = await readWorkspace(dir);
    const members = selectMembers(workspace, dir);
    if (members.length === 1 && members.length < workspace.crates.length && members[0]) {
        core.info(`\`workspace\` names the directory of the package \`${(0,redact/* shown */.SP)(members[0].name, 64)}\` in the workspace at ${(0,redact/* shownUrl */.zA)(workspace.root ?? '', 200)}: only that package is checked, as \`cargo publish\` there publishes it alone.`);
    }
    const released = members.filter((crate) => releasedTo(crate, target));
    const unfit = released.filter((c) => !cargo_names/* CRATE_NAME */.Q4.test(c.name) || !cargo_names/* VERSION */.xv.test(c.version));
    if (unfit.length > 0)
        throw new failure/* ActionFailure */.d({ kind: 'registry-rules', crates: unfit, registry });
    const location = locateIndex(target, dir, environment.cargo);
    core.info(configReadLine(dir, location));
    let index;
    const answers = new Map();
    let unread;
    if (location.kind !== 'sparse') {
        unread =
            location.kind === 'git'
                ? 'a git index, which the check does not read'
                : location.kind === 'doubt'
                    ? 'not sure which index cargo will use'
                    : 'no index configured';
        core.warning((0,describe/* describeFailure */.Ic)(location.kind === 'git'
            ? { kind: 'index-unknown', registry, reason: 'git', index: location.url }
            : location.kind === 'doubt'
                ? { kind: 'index-doubt', registry, doubt: location.doubt }
                : { kind: 'index-unknown', registry, reason: 'unknown', index: location.variable }));
    }
    else if (released.length > 0) {
        index = location.url;
        core.info(`Checking ${released.length} crate${released.length === 1 ? '' : 's'} of the workspace against the registry's index at ${(0,redact/* shownUrl */.zA)(index)}.`);
        const questions = questionsFor(released, workspace, target);
        const asked = await askIndex(deps, index, questions);
        if (asked.unreadable !== undefined) {
            unread = (0,describe/* briefly */.m_)(asked.unreadable.failure, asked.unreadable.attempts);
            core.warning((0,describe/* describeFailure */.Ic)({
                kind: 'index-unreadable',
                index,
                crate: asked.crate,
                last: asked.unreadable.failure,
                attempts: asked.unreadable.attempts,
            }));
        }
        else {
            questions.forEach((question, i) => answers.set(question.name, asked.answers[i]));
        }
    }
    const skipNew = inputs.newCrates === 'skip';
    const rows = members.map((crate) => ({
        crate,
        finding: releasedTo(crate, target)
            ? findingOf(answers.get(crate.name), skipNew, unread)
            : {
                kind: 'not-here',
                why: notReleasedWhy(crate),
                excluded: crate.publish !== null && crate.publish.length > 0,
            },
    }));
    const byName = new Map(workspace.crates.map((crate) => [crate.name, crate]));
    holdBack(rows, byName);
    const where = target.kind === 'crates-io' ? 'crates.io' : `the registry \`${target.name}\``;
    const title = `auth-action: the workspace against ${where}`;
    core.info(reportForLog(`${title}:`, rows));
    const fresh = rows.flatMap(({ crate, finding }) => finding.kind === 'new' && !finding.skip
        ? [crate]
        : finding.kind === 'renamed' && !finding.skip
            ? [{ ...crate, knownAs: finding.knownAs }]
            : []);
    const problems = fresh.length > 0 ? [] : dependencyProblems(rows, byName, answers);
    const stop = fresh.length > 0
        ? { kind: 'new-crates', crates: fresh, index: index ?? '', registry }
        : problems.length > 0
            ? { kind: 'dependency-problems', problems, index: index ?? '' }
            : undefined;
    core.appendSummary(reportForSummary(title, rows, {
        ...(stop === undefined ? {} : { stop: (0,describe/* describeFailure */.Ic)(stop) }),
        stoppedAt: problems.map((problem) => problem.crate.name),
        ...(unread === undefined ? {} : { unread }),
        ...(environment.docs === undefined ? {} : { docs: environment.docs }),
    }));
    if (stop !== undefined)
        throw new failure/* ActionFailure */.d(stop);
    warnAbout(core, rows, answers, { index: index ?? '', registry });
    const unpublished = unpublishedOf(rows);
    core.setOutput('unpublished', unpublished.map((crate) => crate.name).join(' '));
    core.setOutput('exclude-published', excludeArguments(rows));
    return { index, unpublished };
}


/***/ })

};
