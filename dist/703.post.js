export const id = 703;
export const ids = [703];
export const modules = {

/***/ 84:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  notOut: () => (/* binding */ notOut),
  releaseReport: () => (/* binding */ releaseReport)
});

// UNUSED EXPORTS: uploadsOf, versionsToReport

// EXTERNAL MODULE: ./src/output/summary.ts
var summary = __webpack_require__(213);
// EXTERNAL MODULE: ./src/redact/redact.ts
var redact = __webpack_require__(940);
;// CONCATENATED MODULE: ./src/diagnose/render.ts


const AID = 'These values come from this run’s ID token: a debugging aid to compare with the registry’s trusted publisher settings, not something to copy into them blindly.';
function diagnosisForLog(diagnosis) {
    const lines = ['What the registry compared, as this run’s ID token states it:'];
    for (const row of diagnosis.rows) {
        lines.push(`${row.flagged ? '  ✗ ' : '    '}${row.compared}: ${row.value}`);
        lines.push(`        ${row.check}`);
    }
    if (diagnosis.hiddenCauses.length > 0) {
        lines.push('The registry said only "Failed to decode JWT". That one message hides:');
        for (const cause of diagnosis.hiddenCauses) {
            lines.push(`  ${cause.likely ? 'LIKELY  ' : 'unlikely'} ${cause.text}`);
        }
    }
    for (const note of diagnosis.notes)
        lines.push(note);
    lines.push(AID);
    return lines.join('\n');
}
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}
function codeCell(text) {
    return `\`${cell((0,redact/* shown */.SP)(text, 100).replace(/`/g, "'"))}\``;
}
function value(text) {
    return text.startsWith('(') ? cell(text) : `\`${cell(text.replace(/`/g, "'"))}\``;
}
function diagnosisForSummary(heading, said, diagnosis, fix) {
    const rows = [
        ...diagnosis.rows.filter((r) => r.flagged),
        ...diagnosis.rows.filter((r) => !r.flagged),
    ];
    const table = [
        '| What the registry compared | Value in this run | What to check |',
        '| --- | --- | --- |',
        ...rows.map((row) => {
            const name = row.flagged ? `**✗ ${cell(row.compared)}**` : cell(row.compared);
            return `| ${name} | ${value(row.value)} | ${cell(row.check)} |`;
        }),
    ].join('\n');
    const causes = diagnosis.hiddenCauses.length === 0
        ? undefined
        : [
            'The registry said only `Failed to decode JWT`, which hides:',
            '',
            ...diagnosis.hiddenCauses.map((cause) => `- ${cause.likely ? '**Likely.**' : 'Unlikely.'} ${cell(cause.text)}`),
        ].join('\n');
    return summarySection(`### ${cell(heading)}`, statusLine('❌', `**No publish token.** ${cell(fix)}`), table, `The registry said:\n\n> ${cell(said)}`, causes, ...diagnosis.notes.map(cell), `_${AID}_`);
}

// EXTERNAL MODULE: ./src/errors/describe.ts + 2 modules
var describe = __webpack_require__(607);
// EXTERNAL MODULE: ./src/http/call.ts
var call = __webpack_require__(6);
// EXTERNAL MODULE: ./src/errors/failure.ts
var failure = __webpack_require__(685);
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
var range = __webpack_require__(782);
var range_default = /*#__PURE__*/__webpack_require__.n(range);
// EXTERNAL MODULE: ./node_modules/semver/classes/semver.js
var semver = __webpack_require__(163);
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

// EXTERNAL MODULE: ./src/inputs/cargo-names.ts
var cargo_names = __webpack_require__(200);
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
        const authRequired = await callWithRetries(net, 'index', url, get(url, 64 * 1024), (r) => ({
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

;// CONCATENATED MODULE: ./src/report/release-report.ts





function uploadsOf(recorded) {
    const seen = new Set();
    const uploads = [];
    for (const entry of recorded) {
        if (entry.upload === undefined)
            continue;
        const key = `${entry.upload.crate}@${entry.upload.version}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        uploads.push(entry.upload);
    }
    return uploads;
}
function versionsToReport(recorded, preflight) {
    const found = (preflight?.unpublished ?? []).map((entry) => {
        const at = entry.indexOf('@');
        return { name: entry.slice(0, at), version: entry.slice(at + 1) };
    });
    const uploads = uploadsOf(recorded).map((u) => ({ name: u.crate, version: u.version }));
    const seen = new Set();
    return [...found, ...uploads].filter((crate) => {
        const key = `${crate.name}@${crate.version}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
async function askIndex(net, index, crates) {
    const labelled = (name) => ({
        ...net,
        core: {
            ...net.core,
            info: (message) => {
                net.core.info(`Release report, \`${name}\`: ${message}`);
            },
        },
    });
    const answers = await boundedAll(crates, INDEX_CONCURRENCY, (crate) => readIndexFile(labelled(crate.name), index, {
        name: crate.name,
        version: crate.version,
        requirements: [],
    }), (answer) => answer.kind === 'unreadable');
    const stopper = crates[answers.findIndex((answer) => answer?.kind === 'unreadable')];
    return answers.map((answer) => {
        if (answer === undefined) {
            const after = stopper === undefined ? '' : ` after \`${stopper.name}\`'s file failed`;
            return { kind: 'unchecked', why: `not asked${after}` };
        }
        if (answer.kind === 'unreadable') {
            return { kind: 'unchecked', why: (0,describe/* briefly */.m_)(answer.failure, answer.attempts) };
        }
        if (answer.kind === 'absent')
            return { kind: 'missing' };
        return answer.file.version.listed ? { kind: 'out' } : { kind: 'missing' };
    });
}
const ORDER = { missing: 0, unchecked: 1, out: 2 };
function saysCell(says) {
    switch (says.kind) {
        case 'out':
            return 'out';
        case 'missing':
            return "**not in the index**: refused, not attempted, or late (cargo's output says which)";
        case 'unchecked':
            return `not checked: ${cell(says.why)}`;
    }
}
const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
function listed(crates) {
    const names = crates.slice(0, 10).map(describe/* shownCrate */.Lx).join(', ');
    return crates.length > 10 ? `${names} and ${crates.length - 10} more` : names;
}
function release_report_status(rows, facts) {
    const missing = rows.filter((row) => row.says.kind === 'missing');
    const unchecked = rows.filter((row) => row.says.kind === 'unchecked');
    const what = facts.preflight
        ? 'the check of the workspace found to publish'
        : 'cargo asked the credential provider a token to upload';
    if (missing.length > 0) {
        return [
            '❌',
            `**The release is not complete**: ${listed(missing)} ${missing.length === 1 ? 'is' : 'are'} not in the index at the end of the job (${missing.length} of the ${plural(rows.length, 'version', 'versions')} ${what}).`,
        ];
    }
    if (unchecked.length > 0) {
        const first = unchecked[0]?.says;
        const why = first?.kind === 'unchecked' ? first.why : '';
        const which = unchecked.length === rows.length
            ? `${rows.length === 1 ? 'the version' : `the ${rows.length} versions`} ${what} could not be checked against the index`
            : `${unchecked.length} of the ${rows.length} versions ${what} could not be checked against the index (the others are out)`;
        return [
            '⚠️',
            `**Not known whether the release is complete**: ${which}: ${why}. cargo's output says how its uploads went.`,
        ];
    }
    return [
        '✅',
        `**Released**: the index lists ${rows.length === 1 ? 'the version' : `all ${rows.length} versions`} ${what}.`,
    ];
}
function tokensLine(tokens) {
    const minted = plural(tokens.minted, 'token', 'tokens');
    if (tokens.revoked === 'kept') {
        return `Publish tokens: ${minted} minted in this job, none revoked (\`revoke: false\`).`;
    }
    return `Publish tokens: ${minted} minted in this job, ${tokens.revoked} revoked as it ended.`;
}
function nextStep(facts) {
    const link = (0,summary/* troubleshootingLink */.rT)(facts.docs, 'not-out', 'what each cause looks like');
    return facts.preflight
        ? `**Next:** fix what stopped it (cargo's output names it; ${link}), then re-run this job: the check of the workspace finds what is out, and cargo publishes the rest with \`exclude-published\`.`
        : `**Next:** fix what stopped it (cargo's output names it; ${link}), then publish the rest: with the \`workspace\` input set, a re-run of this job finds what is out and publishes only the rest.`;
}
function render(rows, facts) {
    const sorted = [...rows].sort((a, b) => ORDER[a.says.kind] - ORDER[b.says.kind]);
    const [mark, answer] = release_report_status(rows, facts);
    const table = [
        '| crate | version | the index says |',
        '| --- | --- | --- |',
        ...sorted.map((row) => `| ${codeCell(row.name)} | ${codeCell(row.version)} | ${saysCell(row.says)} |`),
    ].join('\n');
    const missing = rows.some((row) => row.says.kind === 'missing');
    const index = facts.index.kind === 'sparse' ? `Index: ${cell((0,redact/* shownUrl */.zA)(facts.index.url))}` : undefined;
    return (0,summary/* summarySection */.Gd)('### auth-action: release report', (0,summary/* statusLine */.Bs)(mark, answer), table, missing ? nextStep(facts) : undefined, [index, tokensLine(facts.tokens)].filter((text) => text !== undefined).join(' · '));
}
function logLine(rows) {
    const count = (kind) => rows.filter((row) => row.says.kind === kind).length;
    const missing = rows.filter((row) => row.says.kind === 'missing');
    const first = rows[0]?.says;
    if (count('unchecked') === rows.length && first?.kind === 'unchecked') {
        return `Release report: ${plural(rows.length, 'version', 'versions')} not checked against the index: ${first.why}.`;
    }
    return (`Release report: ${count('out')} of ${plural(rows.length, 'version', 'versions')} in the index` +
        (missing.length > 0 ? `; not in it: ${listed(missing)}` : '') +
        (count('unchecked') > 0 ? `; ${count('unchecked')} not checked` : '') +
        '.');
}
async function releaseReport(net, facts) {
    const crates = versionsToReport(facts.recorded, facts.preflight);
    const { index } = facts;
    const says = index.kind === 'sparse'
        ? await askIndex(net, index.url, crates)
        : crates.map(() => ({ kind: 'unchecked', why: index.why }));
    const rows = crates.map((crate, i) => ({
        ...crate,
        says: says[i] ?? { kind: 'unchecked', why: 'not asked' },
    }));
    const unchecked = rows.filter((row) => row.says.kind === 'unchecked');
    const first = unchecked[0]?.says;
    return {
        summary: render(rows, facts),
        line: logLine(rows),
        missing: rows.filter((row) => row.says.kind === 'missing'),
        gaveUp: facts.index.kind === 'sparse' && first?.kind === 'unchecked'
            ? `Release report: gave up on the index for ${plural(unchecked.length, 'version', 'versions')} (\`${unchecked[0]?.name ?? ''}\`: ${first.why}); the summary marks ${unchecked.length === 1 ? 'it' : 'them'} "not checked".`
            : undefined,
    };
}
function notOut(report, facts) {
    if (report.missing.length === 0 || facts.index.kind !== 'sparse')
        return undefined;
    return {
        kind: 'not-out',
        crates: report.missing.map(({ name, version }) => ({ name, version })),
        index: facts.index.url,
        workspace: facts.preflight !== undefined,
    };
}


/***/ })

};
