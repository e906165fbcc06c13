const __lazyBuiltin = function lazyBuiltin(name, getBuiltin = (id) => process.getBuiltinModule(id)) {
  let real;
  const load = () => (real ??= getBuiltin(name));
  return new Proxy(
    {},
    {
      get: (_, key) => load()[key],
      has: (_, key) => key in load(),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
        return descriptor && { ...descriptor, configurable: true };
      },
      getPrototypeOf: () => Reflect.getPrototypeOf(load()),
    },
  );
};
const __coreCrypto = { randomUUID: function randomUUIDFromOs(getBuiltin = (id) => process.getBuiltinModule(id)) {
  const fs = getBuiltin('node:fs');
  const bytes = new Uint8Array(16);
  let fd;
  let read = 0;
  try {
    fd = fs.openSync('/dev/urandom', 'r');
    // Only the kernel's device: not a file someone put at that path (C:\dev\urandom on Windows).
    if (fs.fstatSync(fd).isCharacterDevice()) read = fs.readSync(fd, bytes, 0, 16, null);
  } catch {
    read = 0;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  if (read !== 16) return getBuiltin('node:crypto').randomUUID();
  // RFC 9562 version 4: the version and variant bits set, the other 122 bits random.
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
} };
/******/ // The require scope
/******/ var __nccwpck_require__ = {};
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  A: () => (/* binding */ releaseReport),
  y: () => (/* binding */ uploadsOf)
});

;// CONCATENATED MODULE: ./src/redact/redact.ts
const MAX_SHOWN = 300;
const URLISH = /\/\/[^\s`'"<>]*/g;
function redactUrlish(urlish) {
    const start = urlish.indexOf('//') + 2;
    let rest = urlish.slice(start);
    const at = rest.lastIndexOf('@');
    if (at !== -1)
        rest = `***${rest.slice(at)}`;
    else if (/^[^/?#]*:[^/?#]*…$/.test(rest))
        rest = '***…';
    const cut = rest.search(/[?#]/);
    if (cut !== -1)
        rest = `${rest.slice(0, cut)}${rest.charAt(cut)}…`;
    return urlish.slice(0, start) + rest;
}
const RUN = /[^\s`'"<>]+/g;
function redactBareCredentials(run) {
    const colon = run.indexOf(':');
    const at = run.lastIndexOf('@');
    if (colon === -1 || at < colon || run.includes('//'))
        return run;
    return `${run.slice(0, colon + 1)}***${run.slice(at)}`;
}
function redactUrls(text) {
    return text.replace(URLISH, redactUrlish).replace(RUN, redactBareCredentials);
}
function redactUrlValue(value) {
    const parts = value.split(/([/\\])/).map((part) => {
        const at = part.lastIndexOf('@');
        return at === -1 ? part : `***${part.slice(at)}`;
    });
    const out = parts.join('');
    const cut = out.search(/[?#]/);
    return cut === -1 ? out : `${out.slice(0, cut)}${out.charAt(cut)}…`;
}
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;
function noWorkflowCommand(line) {
    return line.replace(/##\[/g, '## [').replace(/^([\s\u0085]*):(?=:)/, '$1: ');
}
function redact_shown(value, max = MAX_SHOWN) {
    const flat = noWorkflowCommand(redactUrls(value).replace(UNSHOWABLE, ' '));
    return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
function redact_shownUrl(value, max = MAX_SHOWN) {
    return redact_shown(redactUrlValue(value), max);
}
const MIN_CUT = 4;
function prefixTable(secret) {
    const table = new Int32Array(secret.length);
    for (let i = 1, k = 0; i < secret.length; i++) {
        while (k > 0 && secret.charCodeAt(i) !== secret.charCodeAt(k))
            k = table[k - 1] ?? 0;
        if (secret.charCodeAt(i) === secret.charCodeAt(k))
            k++;
        table[i] = k;
    }
    return table;
}
function cutSecretLength(text, end, secret, table) {
    const after = secret.includes('…') ? 0 : text.lastIndexOf('…', end - 1) + 1;
    let k = 0;
    for (let i = Math.max(0, end - secret.length + 1, after); i < end; i++) {
        const c = text.charCodeAt(i);
        while (k > 0 && c !== secret.charCodeAt(k))
            k = table[k - 1] ?? 0;
        if (c === secret.charCodeAt(k))
            k++;
        if (k === secret.length)
            k = table[k - 1] ?? 0;
    }
    return k;
}
function hideCut(text, secret, table) {
    let out = text;
    for (let cut = out.indexOf('…'); cut !== -1; cut = out.indexOf('…', cut + 1)) {
        const length = cutSecretLength(out, cut, secret, table);
        if (length >= MIN_CUT) {
            out = `${out.slice(0, cut - length)}***${out.slice(cut)}`;
            cut = cut - length + 3;
        }
    }
    return out;
}
class Redactor {
    secrets = new Set();
    tables = new Map();
    add(secret) {
        if (secret.length < 8)
            return;
        this.secrets.add(secret);
        const flat = noWorkflowCommand(secret.replace(UNSHOWABLE, ' '));
        if (flat !== secret && flat.trim().length >= 8)
            this.secrets.add(flat);
    }
    table(secret) {
        let table = this.tables.get(secret);
        if (table === undefined) {
            table = prefixTable(secret);
            this.tables.set(secret, table);
        }
        return table;
    }
    apply(text) {
        let out = text;
        const secrets = [...this.secrets].sort((a, b) => b.length - a.length);
        for (const secret of secrets)
            out = out.split(secret).join('***');
        if (out.includes('…'))
            for (const secret of secrets)
                out = hideCut(out, secret, this.table(secret));
        return redactUrls(out);
    }
}

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
    return `\`${cell(redact_shown(text, 100).replace(/`/g, "'"))}\``;
}
function value(text) {
    return text.startsWith('(') ? cell(text) : `\`${cell(text.replace(/`/g, "'"))}\``;
}
function diagnosisForSummary(heading, said, diagnosis) {
    const out = [`### ${cell(heading)}`, '', `> ${cell(said)}`, ''];
    out.push('| What the registry compared | Value in this run | What to check |');
    out.push('| --- | --- | --- |');
    for (const row of diagnosis.rows) {
        const name = row.flagged ? `**✗ ${cell(row.compared)}**` : cell(row.compared);
        out.push(`| ${name} | ${value(row.value)} | ${cell(row.check)} |`);
    }
    out.push('');
    if (diagnosis.hiddenCauses.length > 0) {
        out.push('The registry said only `Failed to decode JWT`, which hides:', '');
        for (const cause of diagnosis.hiddenCauses) {
            out.push(`- ${cause.likely ? '**Likely.**' : 'Unlikely.'} ${cell(cause.text)}`);
        }
        out.push('');
    }
    for (const note of diagnosis.notes)
        out.push(cell(note), '');
    out.push(`_${AID}_`, '');
    return out.join('\n');
}

;// CONCATENATED MODULE: ./src/exchange/refusal.ts
function listOf(text) {
    return text
        .split(', ')
        .map((item) => item.trim().replace(/^`(.*)`$/s, '$1'))
        .filter((item) => item !== '');
}
const CONFIG = /^The Trusted Publishing config for repository `(.*?)` /s;
const str = (value) => value ?? '';
const READERS = [
    [/^Failed to decode JWT$/, () => ({ kind: 'undecodable' })],
    [/^Unsupported JWT issuer(?:: (.*))?$/s, (m) => ({ kind: 'unsupported-issuer', issuer: m[1] })],
    [/^Missing JWT key ID$/, () => ({ kind: 'missing-key-id' })],
    [/^Invalid JWT key ID$/, () => ({ kind: 'unknown-key-id' })],
    [/^Failed to load OIDC key set$/, () => ({ kind: 'key-set-unavailable' })],
    [/^JWT has already been used$/, () => ({ kind: 'replayed' })],
    [
        /^Trusted Publishing does not support the `(.*?)` event trigger due to security concerns\./s,
        (m) => ({ kind: 'refused-trigger', event: str(m[1]) }),
    ],
    [/^Unexpected `(.*?)` value$/s, (m) => ({ kind: 'unexpected-claim', claim: str(m[1]) })],
    [
        /^No Trusted Publishing config found for repository `(.*)`\.$/s,
        (m) => ({ kind: 'no-config', repository: str(m[1]) }),
    ],
    [
        new RegExp(`${CONFIG.source}does not match the repository owner ID \\((.*?)\\) in the JWT\\. Expected owner IDs: (.*?)\\. Please recreate`, 's'),
        (m) => ({
            kind: 'owner-id-mismatch',
            repository: str(m[1]),
            ownerId: str(m[2]),
            expected: listOf(str(m[3])),
        }),
    ],
    [
        new RegExp(`${CONFIG.source}does not match the workflow filename \`(.*?)\` in the JWT\\. Expected workflow filenames: (.*)$`, 's'),
        (m) => ({
            kind: 'workflow-mismatch',
            repository: str(m[1]),
            workflow: str(m[2]),
            expected: listOf(str(m[3])),
        }),
    ],
    [
        new RegExp(`${CONFIG.source}requires an environment, but the JWT does not specify one\\. Expected environments: (.*)$`, 's'),
        (m) => ({ kind: 'environment-required', repository: str(m[1]), expected: listOf(str(m[2])) }),
    ],
    [
        new RegExp(`${CONFIG.source}does not match the environment \`(.*?)\` in the JWT\\. Expected environments: (.*)$`, 's'),
        (m) => ({
            kind: 'environment-mismatch',
            repository: str(m[1]),
            environment: str(m[2]),
            expected: listOf(str(m[3])),
        }),
    ],
    [/^No matching Trusted Publishing config found$/, () => ({ kind: 'no-matching-config' })],
    [/^Missing `Authorization` header$/, () => ({ kind: 'missing-authorization' })],
    [
        /^Invalid `Authorization` header: (.*)$/s,
        (m) => ({ kind: 'invalid-authorization', problem: str(m[1]) }),
    ],
];
function readRefusalDetail(detail) {
    for (const [pattern, read] of READERS) {
        const match = pattern.exec(detail.trim());
        if (match)
            return read(match);
    }
    return undefined;
}
function refusal_readRefusal(details) {
    for (const detail of details) {
        const refusal = readRefusalDetail(detail);
        if (refusal !== undefined)
            return refusal;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/errors/failure.ts
const ACTION_FAILURE = Symbol.for('auth-action.ActionFailure');
class failure_ActionFailure extends Error {
    failure;
    attempts;
    [ACTION_FAILURE] = true;
    constructor(failure, attempts) {
        super(failure.kind);
        this.failure = failure;
        this.attempts = attempts;
        this.name = 'ActionFailure';
    }
    static [Symbol.hasInstance](value) {
        return (typeof value === 'object' &&
            value !== null &&
            value[ACTION_FAILURE] === true);
    }
}
function onRunnerFile(variable, use) {
    try {
        return use();
    }
    catch (error) {
        const { code, message } = (error ?? {});
        const known = typeof code === 'string'
            ? code
            :
                typeof message === 'string' && message.startsWith('Missing file')
                    ? 'ENOENT'
                    : 'EUNKNOWN';
        throw new failure_ActionFailure({ kind: 'runner-file', variable, code: known });
    }
}

;// CONCATENATED MODULE: ./src/errors/describe.ts




const MAX_SAID = 1500;
const MAX_PROBLEM = 500;
const MAX_NAME = 80;
const MAX_NAMES = 4;
function what(call, target) {
    const at = shownUrl(target);
    switch (call) {
        case 'id-token':
            return `Requesting an OIDC ID token from GitHub (${at})`;
        case 'exchange':
            return `Exchanging the OIDC ID token for a publish token at ${at}`;
        case 'revoke':
            return `Revoking the publish token at ${at}`;
        case 'index':
            return `Reading the registry's index at ${at}`;
    }
}
function seconds(ms) {
    return `${Math.round(ms / 100) / 10} s`;
}
function sentence(text) {
    const trimmed = text.trim();
    return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
function problemSentence(problem) {
    return sentence(shown(problem, MAX_PROBLEM));
}
function problemClause(problem) {
    return shown(problem, MAX_PROBLEM).trim().replace(/\.+$/, '');
}
function tries(attempts) {
    return attempts && attempts.made > 1 ? ` (after ${attempts.made} attempts)` : '';
}
function whenUnavailable(call) {
    switch (call) {
        case 'id-token':
            return "GitHub's token service may be having trouble: re-run the job.";
        case 'exchange':
            return ('The registry may be down or unreachable: check its status page and re-run the job. ' +
                'On a self-hosted runner behind a proxy, check HTTPS_PROXY and NO_PROXY.');
        case 'revoke':
            return 'The registry may be down or unreachable.';
        case 'index':
            return 'The index may be down or unreachable; on a self-hosted runner behind a proxy, check HTTPS_PROXY and NO_PROXY.';
    }
}
function whenUnsendable(call) {
    if (call === 'index') {
        return "Nothing was sent: check the index URL in cargo's configuration and the proxy variables (HTTPS_PROXY, NO_PROXY).";
    }
    return call === 'id-token'
        ? 'Nothing was sent, and waiting will not fix it: the request is built from ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN, which the runner sets; if a step before this one changed them (through GITHUB_ENV), remove that.'
        : 'Nothing was sent, and waiting will not fix it: check the `url` input and the proxy variables (HTTPS_PROXY, NO_PROXY).';
}
function whenBadEnvironment(variable, cargoPath) {
    if (cargoPath) {
        return 'Run the job on a runner whose work folder has no space in its path (and, on Windows, only ASCII characters), or turn `credential-provider` off and give cargo the `token` output.';
    }
    if (variable.startsWith('ACTIONS_ID_TOKEN_REQUEST_')) {
        return 'The runner sets it for jobs with `permissions: id-token: write`: if a step before this one changed it (through GITHUB_ENV), remove that; otherwise re-run the job.';
    }
    if (/proxy/i.test(variable)) {
        return 'Set it to the proxy’s URL, such as `http://proxy.example:3128`, in the runner’s environment or the workflow’s `env:`.';
    }
    return 'The runner sets it for every job: if a step before this one changed it (through GITHUB_ENV), remove that; otherwise re-run the job.';
}
function code(value) {
    return `\`${shown(value, MAX_NAME).replace(/`/g, "'")}\``;
}
function names(values, joiner = 'or') {
    const listed = values.slice(0, MAX_NAMES).map(code);
    if (values.length > MAX_NAMES)
        listed.push(`${values.length - MAX_NAMES} more`);
    if (listed.length < 2)
        return listed.join('');
    return `${listed.slice(0, -1).join(', ')} ${joiner} ${listed[listed.length - 1] ?? ''}`;
}
const CONFIG_PAGE = "on the crate's settings page on the registry (Trusted Publishing)";
function whenExchangeRefused(refusal) {
    switch (refusal.kind) {
        case 'undecodable':
            return ('The registry could not accept the ID token itself: most often its audience is not the ' +
                "registry's domain (a custom `audience` or `url`), or it expired, or its issuer is not GitHub's default one.");
        case 'unsupported-issuer':
            return refusal.issuer === GITHUB_ISSUER
                ? 'This registry does not accept ID tokens from GitHub Actions at all: check that `url` is the registry you mean and that it supports trusted publishing from GitHub.'
                : "Publish from a repository whose ID tokens use GitHub's default issuer.";
        case 'missing-key-id':
            return ('The ID token names no signing key (`kid`), and GitHub’s always do: it did not come from GitHub Actions’ token service. ' +
                'If a step before this one changed ACTIONS_ID_TOKEN_REQUEST_URL (through GITHUB_ENV), remove that; on a self-hosted runner, check that no proxy answers for GitHub.');
        case 'unknown-key-id':
            return ('The registry does not know the key that signed the ID token. Most likely GitHub has just rotated its signing keys and the registry’s copy of them lags ' +
                '(crates.io fetches them again at most once a minute): re-run the job in a few minutes. ' +
                'If it persists, the ID token was not signed by GitHub Actions’ token service: check ACTIONS_ID_TOKEN_REQUEST_URL and, on a self-hosted runner, the proxy settings.');
        case 'key-set-unavailable':
            return KEY_SET_UNAVAILABLE;
        case 'replayed':
            return ('The registry had already seen this ID token: the request was replayed on the way (by a proxy that retries POST requests, most likely). ' +
                'ID tokens are single-use, and the action sends a fresh one with every attempt and tries once more after a replay. ' +
                'If a proxy is on the way (HTTPS_PROXY), stop it from retrying requests to the registry; then re-run the job.');
        case 'refused-trigger':
            return 'Publish from a `push` (tags), `release` or `workflow_dispatch` trigger.';
        case 'unexpected-claim':
            return (`The registry could not read this run’s ${code(refusal.claim)} claim, which GitHub Actions’ ID tokens always carry in a shape it reads: ` +
                'compare the claims listed with what GitHub sends, and if the ID token came from GitHub, ask the registry.');
        case 'no-config':
            return (`The registry has no trusted publisher for the repository ${code(refusal.repository)}: add one ${CONFIG_PAGE} with this repository’s owner, name and workflow file ` +
                '(case does not count in the names); if the repository was renamed or moved to another owner, update the trusted publisher to match.');
        case 'owner-id-mismatch':
            return (`The owner ID in this run (${code(refusal.ownerId)}) is not the one the trusted publisher stored (${names(refusal.expected)}). ` +
                'An owner ID changes when the account or organisation was deleted and recreated under the same name, or when the repository moved to a new owner, ' +
                `so the registry no longer takes it for the same owner: delete the trusted publisher ${CONFIG_PAGE} and create it again (it then stores the new ID).`);
        case 'workflow-mismatch':
            return (`This run’s workflow file is ${code(refusal.workflow)}, and the trusted publisher expects ${names(refusal.expected)}: ` +
                `publish from that workflow file, or change the trusted publisher’s workflow file to ${code(refusal.workflow)} ` +
                '(only the file name; case counts, and `.yml` is not `.yaml`; for a reusable workflow, the calling one).');
        case 'environment-required':
            return refusal.expected.length > 1
                ? `The trusted publisher requires an environment and this job runs in none: add one of ${names(refusal.expected.map((name) => `environment: ${name}`))} to the job that runs this action.`
                : `The trusted publisher requires an environment and this job runs in none: add ${code(`environment: ${refusal.expected[0] ?? ''}`)} to the job that runs this action.`;
        case 'environment-mismatch':
            return (`This job runs in the environment ${code(refusal.environment)}, and the trusted publisher expects ${names(refusal.expected)}: ` +
                `run the job in ${refusal.expected.length > 1 ? 'one of them' : 'that one'} (${names(refusal.expected.map((name) => `environment: ${name}`))}), or add a trusted publisher for ${code(refusal.environment)} ${CONFIG_PAGE}.`);
        case 'no-matching-config':
            return ('This registry runs crates.io code from before July 2025, which does not say what differs: ' +
                "compare the registry's trusted publisher settings for your crate (repository owner and " +
                'name, owner ID, workflow file name, environment) with this run, and fix whichever differs.');
        case 'missing-authorization':
        case 'invalid-authorization':
            return 'Check that `url` points at a cargo registry that supports trusted publishing as crates.io does.';
    }
}
function whenRevocationRefused(refusal) {
    switch (refusal?.kind) {
        case 'missing-authorization':
            return 'The request reached the registry without its Authorization header: on a self-hosted runner, a proxy on the way (HTTPS_PROXY) most likely removed it.';
        case 'invalid-authorization':
            return 'The registry did not take what was sent for one of its tokens: the token the action kept for revocation was changed after it was written, or the registry gave a token of another kind.';
        default:
            return 'The registry did not accept the token for revocation.';
    }
}
const KEY_SET_UNAVAILABLE = (/* unused pure expression or super */ null && ('The registry could not load GitHub’s signing keys to check the ID token: that is on the registry’s side (or GitHub’s key endpoint), not in this workflow. ' +
    "Check the registry's status page and re-run the job later."));
const noEndpoint = (status) => status === 404 || status === 405;
function whenRefused(call, status, details, page) {
    if (call === 'id-token') {
        if (page) {
            return ("The answer did not come from GitHub's token service (an error page from a proxy, most likely): " +
                'on a self-hosted runner, check the proxy settings (HTTPS_PROXY, NO_PROXY); otherwise re-run the job.');
        }
        return status === 401 || status === 403
            ? "GitHub refused the job's request token: re-run the job; if it persists, check the job's `permissions: id-token: write`."
            : 'Re-run the job; if it persists, check https://www.githubstatus.com.';
    }
    if (call === 'index') {
        if (status === 401 || status === 403) {
            return "The check reads an index without credentials, as crates.io's is read; an index that wants them is not checked.";
        }
        return "No sparse index answers at this address (each has a config.json at its root): check the index URL in cargo's configuration.";
    }
    if (noEndpoint(status)) {
        return ('The registry has no trusted-publishing endpoint at this address: check that `url` is ' +
            "the registry's web address (for crates.io, `https://crates.io`) and that it supports trusted publishing.");
    }
    if (page) {
        return ("The answer did not come from the registry's API (an error page from a proxy or a maintenance page, most likely): " +
            "check that `url` is the registry's address " +
            'and, on a self-hosted runner, the proxy settings (HTTPS_PROXY, NO_PROXY); if the registry is in maintenance, re-run the job later.');
    }
    const refusal = readRefusal(details);
    if (call === 'revoke')
        return whenRevocationRefused(refusal);
    return refusal === undefined
        ? 'Check that `url` points at a cargo registry that supports trusted publishing as crates.io does.'
        : whenExchangeRefused(refusal);
}
function whenServerFailed(failure) {
    const refusal = failure.call === 'exchange' ? readRefusal(failure.details) : undefined;
    return refusal?.kind === 'key-set-unavailable'
        ? KEY_SET_UNAVAILABLE
        : whenUnavailable(failure.call);
}
function describeBody(body) {
    const size = body.truncated ? `more than ${body.bytes} bytes` : `${body.bytes} bytes`;
    if (/json/i.test(body.contentType) && !body.truncated) {
        return `a body of ${size} labelled ${shown(body.contentType, 100)} that does not parse as JSON`;
    }
    const type = body.contentType === '' ? 'without a content type' : `(${shown(body.contentType, 100)})`;
    return `a body of ${size} ${type}, not the server's JSON error`;
}
function statusText(failure, guess) {
    const head = `HTTP ${failure.status}`;
    if (failure.details.length > 0)
        return `${head}: ${shown(failure.details.join(' '), MAX_SAID)}`;
    const body = failure.unexpectedBody;
    if (body === undefined)
        return `${head} with no explanation`;
    const likely = guess
        ? ' (an error page from a proxy, a load balancer or a maintenance page, most likely)'
        : '';
    return `${head} with ${describeBody(body)}${likely}`;
}
function whenUnknownHost(call) {
    switch (call) {
        case 'id-token':
            return 'The runner gives this address (ACTIONS_ID_TOKEN_REQUEST_URL): on a self-hosted runner, check its DNS settings; otherwise re-run the job.';
        case 'exchange':
            return 'Check the `url` input for a typo.';
        case 'revoke':
            return 'The main step reached the registry at this address, so this is most likely a passing DNS failure.';
        case 'index':
            return "Check the index URL in cargo's configuration (or CARGO_REGISTRIES_<NAME>_INDEX) for a typo.";
    }
}
function timeoutText(failure) {
    if (seconds(failure.timeoutMs) === seconds(failure.limitMs)) {
        return `no complete answer within ${seconds(failure.timeoutMs)}`;
    }
    return `no complete answer within ${seconds(failure.limitMs)} a try, and the last try had only the ${seconds(failure.timeoutMs)} left of its time budget`;
}
function tokenRecordText(failure) {
    const unrevoked = 'the tokens it minted for cargo were not revoked and expire on their own 30 minutes after they were issued.';
    if (failure.problem !== undefined) {
        return `The credential provider's token record was not read (${problemClause(failure.problem)}): ${unrevoked}`;
    }
    if (failure.code === 'ENOENT') {
        return "The credential provider's token record could not be found: any token the provider minted for cargo may still be alive, and expires on its own 30 minutes after it was issued.";
    }
    return failure.code === ''
        ? `${failure.skippedLines} line(s) of the credential provider's token record could not be read; any token they held was not revoked and expires on its own 30 minutes after it was issued.`
        : `The credential provider's token record could not be read (${shown(failure.code, 40)}): ${unrevoked}`;
}
function describeFailure(failure, attempts) {
    switch (failure.kind) {
        case 'invalid-input':
            return failure.tooLong
                ? `The \`${failure.input}\` input is ${failure.value.length} characters long: ${problemSentence(failure.problem)} Fix it in the step's \`with:\`.`
                : `The \`${failure.input}\` input (\`${shownUrl(failure.value)}\`) is invalid: ${problemSentence(failure.problem)} Fix it in the step's \`with:\`.`;
        case 'missing-input':
            return `The \`${failure.input}\` input is needed: ${problemSentence(failure.reason)} Fix it in the step's \`with:\`.`;
        case 'bad-environment':
            return `The runner's ${failure.variable} ${problemClause(failure.problem)}, so the step stopped before any request. ${whenBadEnvironment(failure.variable, failure.cargoPath === true)}`;
        case 'runner-file':
            return (`The runner's ${failure.variable} ${failure.variable === 'RUNNER_TEMP' ? 'folder' : 'file'} could not be written or read (${shown(failure.code, 40)}). ` +
                'This is the runner’s disk or setup, not the network: re-run the job; on a self-hosted runner, check that its work folder is writable and not full.');
        case 'cargo-request':
            return `auth-action's credential provider could not read cargo's request: ${problemClause(failure.problem)}. It speaks version 1 of cargo's credential-provider protocol, which cargo 1.74 and later use.`;
        case 'token-record':
            return tokenRecordText(failure);
        case 'invalid-state':
            return `The ${failure.name} that auth-action's main step left in ${failure.where} (\`${shownUrl(failure.value)}\`) is invalid: ${problemSentence(failure.problem)}`;
        case 'no-id-token':
            return failure.fromFork
                ? 'This run was triggered by a pull request from a fork, and GitHub gives such runs no OIDC ID token, ' +
                    'whatever the workflow’s `permissions` say, so they cannot publish. Publish from a trigger that ' +
                    'forks cannot fire: a tag push (`on: push: tags:`), `release`, or `workflow_dispatch`.'
                : 'This job cannot request an OIDC ID token from GitHub: ACTIONS_ID_TOKEN_REQUEST_URL and ' +
                    'ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set. Give the job (or the whole workflow) ' +
                    '`permissions: id-token: write`, and list beside it every other permission the job needs ' +
                    '(such as `contents: read`), since naming one drops the defaults.';
        case 'unsendable':
            return `${what(failure.call, failure.target)} failed on this machine: ${problemSentence(failure.problem)} ${whenUnsendable(failure.call)}`;
        case 'network':
            return `${what(failure.call, failure.target)} failed${tries(attempts)}: the connection failed (${shown(failure.code, 40)}). ${whenUnavailable(failure.call)}`;
        case 'unknown-host':
            return `${what(failure.call, failure.target)} failed: the host was not found (DNS). ${whenUnknownHost(failure.call)}`;
        case 'tls':
            return (`${what(failure.call, failure.target)} failed: the server's certificate is not trusted (${shown(failure.code, 40)}). ` +
                `If ${failure.call === 'id-token' ? 'a proxy on the way' : 'the registry or a proxy on the way'} uses a private CA, set NODE_EXTRA_CA_CERTS to its certificate file.`);
        case 'timeout':
            return `${what(failure.call, failure.target)} failed${tries(attempts)}: ${timeoutText(failure)}. ${whenUnavailable(failure.call)}`;
        case 'redirect': {
            const to = failure.location === undefined ? 'no Location' : `\`${shownUrl(failure.location)}\``;
            if (failure.call === 'index') {
                return (`${what(failure.call, failure.target)} failed: the server answered with a redirect (HTTP ${failure.status}) to ${to}. ` +
                    "Redirects are not followed: the check reads the index only at the address cargo's configuration gives.");
            }
            const secret = {
                'id-token': "the job's request token",
                exchange: 'the ID token',
                revoke: 'the token',
            }[failure.call];
            const next = failure.call === 'id-token'
                ? "GitHub's token service does not redirect: on a self-hosted runner, check the proxy settings (HTTPS_PROXY, NO_PROXY); otherwise re-run the job."
                : 'If the registry has moved, set the `url` input to its new address.';
            return (`${what(failure.call, failure.target)} failed: the server answered with a redirect (HTTP ${failure.status}) to ${to}. ` +
                `Redirects are not followed, so that ${secret} never travels to a host you did not name. ${next}`);
        }
        case 'http-status': {
            const server = failure.status >= 500 || failure.status === 408 || failure.status === 429;
            const page = failure.unexpectedBody !== undefined;
            const next = server
                ? whenServerFailed(failure)
                : whenRefused(failure.call, failure.status, failure.details, page);
            const said = statusText(failure, server);
            return `${sentence(`${what(failure.call, failure.target)} failed${tries(attempts)}: ${said}`)} ${next}`;
        }
        case 'malformed-response':
            if (failure.call === 'revoke') {
                return (`${what(failure.call, failure.target)} failed: the answer (HTTP ${failure.status}) is not a revocation: ${problemSentence(failure.problem)} ` +
                    'On a self-hosted runner, check the proxy settings (HTTPS_PROXY, NO_PROXY).');
            }
            return (`${what(failure.call, failure.target)} failed: the answer (HTTP ${failure.status}) is malformed: ${problemSentence(failure.problem)} ` +
                (failure.call === 'id-token'
                    ? "This is GitHub's side: re-run the job."
                    : failure.call === 'index'
                        ? "Check that cargo's configuration names the registry's sparse index."
                        : 'Check that `url` points at a cargo registry that supports trusted publishing as crates.io does.'));
        case 'no-manifest':
            return (`The \`workspace\` input names ${shownPath(failure.dir)}, which has no Cargo.toml, so there is no workspace to check; no token was requested. ` +
                'Set `workspace` to the directory of the Cargo.toml of the workspace (or package) to release, relative to GITHUB_WORKSPACE, and check the repository out (actions/checkout) in a step before this one.');
        case 'no-cargo':
            return (`The \`workspace\` input asks for a check of ${shownPath(failure.dir)}, which reads it through cargo, but cargo could not be started (${shown(failure.code, 40)}${failure.code === 'ENOENT' ? ': it is not on PATH' : ''}); no token was requested. ` +
                'Install Rust in a step before this one (rustup, or an action such as dtolnay/rust-toolchain), or leave `workspace` empty.');
        case 'cargo-metadata': {
            const said = failure.said.trim() === '' ? '' : ` cargo said: ${sentence(shown(failure.said, MAX_SAID))}`;
            return (`cargo could not read the workspace that the \`workspace\` input names (${shownPath(failure.dir)}): \`cargo metadata\` ${problemClause(failure.problem) || 'failed'}.${said} ` +
                'No token was requested. Fix what cargo names, usually the manifest or the Rust toolchain (`cargo metadata --no-deps` in that directory shows the same), or point `workspace` at the right directory.');
        }
        case 'new-crates':
            return newCratesText(failure.crates, failure.registry, failure.index);
        case 'index-unreadable':
            return (`${describeFailure(failure.last, failure.attempts)} ` +
                `So the check of the workspace cannot tell which crates the index at ${shownUrl(failure.index)} has${failure.crate === undefined ? '' : ` (it stopped at ${shownCrateName(failure.crate)})`}: ${AS_IF_NOTHING_OUT}`);
        case 'index-auth-required':
            return `The registry's index at ${shownUrl(failure.index)} requires credentials (\`auth-required\` in its config.json), and the check of the workspace sends none to an index, so a crate missing from its answers proves nothing.`;
        case 'index-unknown':
            return failure.reason === 'git'
                ? `The registry \`${shown(failure.registry, 64)}\` has a git index (${shownUrl(failure.index)}), which the check of the workspace does not read (it reads sparse indexes, as cargo does for crates.io): ${AS_IF_NOTHING_OUT}`
                : `cargo's configuration for this workspace names no index for the registry \`${shown(failure.registry, 64)}\` (\`[registries.${shown(failure.registry, 64)}] index\` in a .cargo/config.toml, or ${shownUrl(failure.index, 100)}), so the check of the workspace cannot read it: ${AS_IF_NOTHING_OUT} \`cargo publish --registry ${shown(failure.registry, 64)}\` needs that setting too.`;
        case 'out-of-time': {
            const last = failure.last ? ` The last failure: ${describeFailure(failure.last)}` : '';
            return `${what(failure.call, failure.target)} did not finish within its ${seconds(failure.budgetMs)} budget${tries(attempts)}.${last}`;
        }
    }
}
const AS_IF_NOTHING_OUT = '`unpublished` lists every crate to be released and `exclude-published` is empty. Nothing is blocked: cargo checks each version against the index itself before it uploads.';
function shownPath(dir) {
    return `\`${shownUrl(dir, 200).replace(/`/g, "'")}\``;
}
function shownCrateName(name) {
    return `\`${shown(name, 64).replace(/`/g, "'")}\``;
}
function shownCrate(crate) {
    return `${shownCrateName(crate.name)} ${shown(crate.version, 64).replace(/`/g, "'")}`;
}
const NEW_CRATE_REFUSAL = 'Trusted Publishing tokens do not support creating new crates. Publish the crate manually, first';
function newCratesText(crates, registry, index) {
    const shownList = crates.slice(0, 20).map(shownCrate).join(', ');
    const more = crates.length > 20 ? ` and ${crates.length - 20} more` : '';
    const one = crates.length === 1;
    const where = registry === 'crates-io' ? 'crates.io' : `the registry \`${shown(registry, 64)}\``;
    const name = one && crates[0] !== undefined ? shown(crates[0].name, 64).replace(/`/g, "'") : 'NAME';
    const first = registry === 'crates-io'
        ? `publish its first version by hand with an API token (\`cargo publish -p ${name}\` with a token from https://crates.io/settings/tokens)`
        : `publish its first version by hand with a token of that registry (\`cargo publish -p ${name} --registry ${shown(registry, 64)}\`)`;
    return (`${where[0]?.toUpperCase() ?? ''}${where.slice(1)} does not have ${one ? 'the crate' : 'these crates'} ${shownList}${more} at all (its index at ${shownUrl(index)} does not list ${one ? 'it' : 'them'}), ` +
        `and trusted publishing cannot create a crate: the registry would refuse ${one ? 'its' : 'each'} first upload ("${NEW_CRATE_REFUSAL}"), half-way through the release. ` +
        'Nothing was published and no token was requested. ' +
        `Once for ${one ? 'it' : 'each'}: ${first}, add this repository and workflow as its trusted publisher in the crate's settings, and re-run this job. ` +
        'A crate that is not to be published: set `publish = false` in its Cargo.toml.');
}
function retryReason(failure) {
    switch (failure.kind) {
        case 'timeout':
            return `no answer within ${seconds(failure.timeoutMs)}`;
        case 'network':
            return `connection failed (${redact_shown(failure.code, 40)})`;
        case 'http-status':
            if (failure.call === 'exchange' && refusal_readRefusal(failure.details)?.kind === 'replayed') {
                return (`HTTP ${failure.status} "JWT has already been used": the registry had seen this ID token before, so the request was replayed on the way ` +
                    '(by a proxy that retried it, most likely); the next try sends a fresh ID token, once');
            }
            return `HTTP ${failure.status}`;
        default:
            return failure.kind;
    }
}
function midReleaseNote(crate) {
    const name = `\`${shown(crate, 64)}\``;
    return `cargo was about to publish ${name}, so the crates it published before it, if any, are out: once this is fixed, publish the rest from ${name} on (\`cargo publish --workspace\` stops at a version already published, so exclude those with \`--exclude\`, or publish crate by crate with \`-p\`).`;
}
function explainedAbove(failure) {
    return failure.kind === 'no-id-token'
        ? ' The lines to add are shown above and in the step summary.'
        : ' What this run sent is listed above and in the step summary.';
}
function messageOf(error) {
    if (typeof error === 'string')
        return error.trim() === '' ? 'an empty string was thrown' : error;
    try {
        if (error instanceof Error) {
            return error.message.trim() === '' ? 'an error without a message' : error.message;
        }
    }
    catch {
        return 'an error whose message cannot be read';
    }
    return 'something that is not an Error was thrown';
}
function describeError(error, explained = false) {
    if (error instanceof ActionFailure) {
        return (describeFailure(error.failure, error.attempts) +
            (explained ? explainedAbove(error.failure) : ''));
    }
    return `auth-action stopped on an unexpected error: ${sentence(shown(messageOf(error)))} Please report it with this log.`;
}

;// CONCATENATED MODULE: ./src/http/error-body.ts
const MAX_DETAILS = 10;
const MAX_DETAIL_CHARS = 1000;
function contentTypeOf(response) {
    const value = response.headers['content-type'] ?? '';
    return value.split(';')[0]?.trim() ?? '';
}
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
function clean(text) {
    const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
    return flat.length > MAX_DETAIL_CHARS ? `${flat.slice(0, MAX_DETAIL_CHARS)}…` : flat;
}
function parseErrorBody(response) {
    const json = response.truncated ? undefined : parseJson(response.body);
    if (json === undefined) {
        const empty = response.body.trim() === '' && !response.truncated;
        return {
            details: [],
            unexpectedBody: empty
                ? undefined
                : {
                    contentType: contentTypeOf(response),
                    bytes: Buffer.byteLength(response.body),
                    truncated: response.truncated,
                },
        };
    }
    const details = [];
    const said = (text) => {
        const cleaned = clean(text);
        if (cleaned !== '')
            details.push(cleaned);
    };
    if (typeof json === 'object' && json !== null) {
        const { errors, message } = json;
        if (Array.isArray(errors)) {
            for (const entry of errors) {
                const detail = entry?.detail;
                if (typeof detail === 'string')
                    said(detail);
            }
        }
        if (typeof message === 'string')
            said(message);
    }
    return { details: details.slice(0, MAX_DETAILS), unexpectedBody: undefined };
}

;// CONCATENATED MODULE: ./src/http/retry.ts

const systemClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => {
        setTimeout(resolve, ms);
    }),
    random: () => Math.random(),
};
function backoffDelay(policy, attempt, random) {
    const caps = policy.backoffCapsMs;
    const cap = caps[Math.min(attempt, caps.length) - 1] ?? 0;
    return Math.floor(random * cap);
}
async function withRetries(options) {
    const { policy, clock, deadline } = options;
    let last;
    for (let n = 1; n <= policy.maxAttempts; n++) {
        const left = deadline - clock.now();
        if (left < policy.minAttemptMs) {
            throw new failure_ActionFailure(options.outOfTime(last), { made: n - 1, max: policy.maxAttempts });
        }
        const outcome = await options.attempt(Math.min(policy.attemptTimeoutMs, left), n);
        if (outcome.done)
            return outcome.value;
        last = outcome.failure;
        const attempts = { made: n, max: policy.maxAttempts };
        if (!outcome.retryable || n === policy.maxAttempts) {
            throw new failure_ActionFailure(outcome.failure, outcome.retryable ? attempts : undefined);
        }
        const room = Math.max(0, deadline - clock.now() - policy.attemptTimeoutMs);
        let delayMs = Math.min(backoffDelay(policy, n, clock.random()), room);
        if (policy.lastTryLate && n + 1 === policy.maxAttempts) {
            delayMs = Math.max(delayMs, Math.floor((room / 2) * (1 + clock.random())));
        }
        if (outcome.retryAfterMs !== undefined) {
            delayMs = Math.max(delayMs, Math.min(outcome.retryAfterMs, policy.retryAfterCapMs));
        }
        if (clock.now() + delayMs + policy.minAttemptMs > deadline) {
            throw new failure_ActionFailure(outcome.failure, attempts);
        }
        options.onRetry({
            failure: outcome.failure,
            attempt: n,
            maxAttempts: policy.maxAttempts,
            delayMs,
        });
        await clock.sleep(delayMs);
    }
    throw new failure_ActionFailure(options.outOfTime(last));
}
function parseRetryAfter(value, nowMs) {
    if (value === undefined)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    const date = Date.parse(trimmed);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - nowMs);
}

;// CONCATENATED MODULE: ./src/http/body-limit.ts
const MAX_BODY_BYTES = 64 * 1024;

;// CONCATENATED MODULE: ./src/http/outcome.ts



const TLS_CODES = /^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/;
function noAnswer(call, target, error, time) {
    switch (error.kind) {
        case 'timeout':
            return retryable({ kind: 'timeout', call, target, ...time });
        case 'unsendable':
            return outcome_final({ kind: 'unsendable', call, target, problem: error.problem });
        case 'network':
            if (error.code === 'ENOTFOUND')
                return outcome_final({ kind: 'unknown-host', call, target });
            if (TLS_CODES.test(error.code))
                return outcome_final({ kind: 'tls', call, target, code: error.code });
            return retryable({ kind: 'network', call, target, code: error.code });
    }
}
function oversized(call, target, status, maxBytes = MAX_BODY_BYTES) {
    return outcome_final({
        kind: 'malformed-response',
        call,
        target,
        status,
        problem: `its body is larger than ${maxBytes / 1024} KiB, more than any answer to this call should be`,
    });
}
function unsuccessful(call, target, response, nowMs) {
    const { status } = response;
    if (status >= 300 && status < 400) {
        const location = response.headers.location;
        return outcome_final({ kind: 'redirect', call, target, status, location });
    }
    const failure = {
        kind: 'http-status',
        call,
        target,
        status,
        ...parseErrorBody(response),
    };
    if (status === 408 || status === 429 || status >= 500) {
        const header = response.headers['retry-after'];
        return { ...retryable(failure), retryAfterMs: parseRetryAfter(header, nowMs) };
    }
    return outcome_final(failure);
}
function retryable(failure) {
    return { done: false, failure, retryable: true };
}
function outcome_final(failure) {
    return { done: false, failure, retryable: false };
}

;// CONCATENATED MODULE: ./src/http/call.ts



function startPhase({ core, transport, clock }, timing) {
    return {
        core,
        transport,
        clock,
        policy: timing.policy,
        budgetMs: timing.budgetMs,
        deadline: clock.now() + timing.budgetMs,
    };
}
const CALL_NAMES = {
    'id-token': 'Requesting the GitHub OIDC ID token',
    exchange: 'The token exchange',
    revoke: 'The revocation',
    index: 'Reading the index',
};
async function call_callWithRetries(deps, call, target, prepare, accept, retryRefusal = () => false) {
    return withRetries({
        policy: deps.policy,
        clock: deps.clock,
        deadline: deps.deadline,
        outOfTime: (last) => ({ kind: 'out-of-time', call, target, budgetMs: deps.budgetMs, last }),
        onRetry: ({ failure, attempt, maxAttempts, delayMs }) => {
            deps.core.info(`${CALL_NAMES[call]} failed: ${retryReason(failure)} (attempt ${attempt} of ${maxAttempts}); ` +
                `next try in ${(delayMs / 1000).toFixed(1)} s.`);
        },
        attempt: async (timeoutMs) => {
            const request = await prepare();
            const sent = await deps.transport(request, timeoutMs);
            if (!sent.ok) {
                const time = { timeoutMs, limitMs: deps.policy.attemptTimeoutMs };
                return noAnswer(call, target, sent.error, time);
            }
            const { response } = sent;
            if (response.status < 200 || response.status >= 300) {
                const outcome = unsuccessful(call, target, response, deps.clock.now());
                if (outcome.done || outcome.retryable || !retryRefusal(outcome.failure))
                    return outcome;
                return retryable(outcome.failure);
            }
            if (response.truncated)
                return oversized(call, target, response.status, request.maxBodyBytes);
            return accept(response);
        },
    });
}

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

;// CONCATENATED MODULE: ./src/inputs/cargo-names.ts
const CRATE_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const VERSION = /^[0-9A-Za-z.+-]{1,100}$/;
const REGISTRY_NAME = /^[A-Za-z0-9_-]{1,64}$/;
function isCrateAtVersion(entry) {
    const at = entry.indexOf('@');
    return at !== -1 && CRATE_NAME.test(entry.slice(0, at)) && VERSION.test(entry.slice(at + 1));
}

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
    if (typeof vers !== 'string' || !VERSION.test(vers))
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
    if (error instanceof failure_ActionFailure) {
        return { kind: 'unreadable', failure: error.failure, attempts: error.attempts };
    }
    throw error;
}
async function readIndexFile(net, indexUrl, name) {
    const url = indexFileUrl(indexUrl, name);
    try {
        const file = await call_callWithRetries(net, 'index', url, get(url, MAX_INDEX_FILE_BYTES), (response) => {
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
        if (error instanceof failure_ActionFailure &&
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

;// CONCATENATED MODULE: ./src/preflight/release-report.ts




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
async function inIndexNow(net, index, uploads) {
    if (index === undefined)
        return uploads.map(() => 'not checked');
    const answers = await boundedAll(uploads, INDEX_CONCURRENCY, (upload) => readIndexFile(net, index, upload.crate), () => false);
    return answers.map((answer, i) => {
        if (answer === undefined || answer.kind === 'unreadable')
            return 'not checked';
        if (answer.kind === 'absent')
            return 'not yet';
        const version = uploads[i]?.version ?? '';
        return answer.file.versions.has(comparable(version)) ? 'yes' : 'not yet';
    });
}
async function releaseReport(net, facts) {
    const uploads = uploadsOf(facts.recorded);
    const [now, revoked] = await Promise.all([inIndexNow(net, facts.index, uploads), facts.revoked]);
    const asked = new Set(uploads.map((u) => `${u.crate}@${u.version}`));
    const never = (facts.preflight?.unpublished ?? []).filter((crate) => !asked.has(crate));
    const minted = new Set(facts.recorded.map((entry) => entry.token)).size;
    const out = ['### auth-action: release report', ''];
    if (uploads.length === 0) {
        out.push('cargo asked the credential provider for no upload.', '');
    }
    else {
        out.push('| crate | version | in the index now |', '| --- | --- | --- |');
        uploads.forEach((upload, i) => {
            out.push(`| ${codeCell(upload.crate)} | ${codeCell(upload.version)} | ${now[i] ?? 'not checked'} |`);
        });
        out.push('');
        if (now.includes('not yet')) {
            out.push('A version marked "not yet" was asked for but is not in the index: its upload was refused (cargo\'s output says why) or has not reached the index yet. Once the cause is fixed, a re-run with `workspace` set publishes what is left.', '');
        }
    }
    if (facts.preflight !== undefined) {
        out.push(never.length === 0
            ? 'cargo asked to upload every crate the check of the workspace found to publish.'
            : `Never asked for by cargo (the check of the workspace found them to publish): ${never.map(codeCell).join(', ')}.`, '');
    }
    if (facts.index !== undefined && uploads.length > 0) {
        out.push(`Index: ${cell(redact_shownUrl(facts.index))}`, '');
    }
    out.push(`Tokens: ${minted} minted in this job, ${revoked} revoked as it ended.`, '');
    const listed = now.filter((state) => state === 'yes').length;
    const unchecked = now.filter((state) => state === 'not checked').length;
    const line = `Release report: cargo asked for ${uploads.length} upload${uploads.length === 1 ? '' : 's'}, ` +
        (unchecked === uploads.length && unchecked > 0
            ? 'the index not checked'
            : `${listed} in the index now${unchecked > 0 ? `, ${unchecked} not checked` : ''}`) +
        (facts.preflight === undefined ? '' : `; ${never.length} found to publish never asked for`) +
        '.';
    return { summary: out.join('\n'), line };
}

var __webpack_exports__releaseReport = __webpack_exports__.A;
var __webpack_exports__uploadsOf = __webpack_exports__.y;
export { __webpack_exports__releaseReport as releaseReport, __webpack_exports__uploadsOf as uploadsOf };
