export const id = 639;
export const ids = [639];
export const modules = {

/***/ 639:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  releaseReport: () => (/* binding */ releaseReport)
});

// UNUSED EXPORTS: uploadsOf

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
        out.push(`Index: ${cell((0,redact/* shownUrl */.zA)(facts.index))}`, '');
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


/***/ })

};
