export const id = 740;
export const ids = [740];
export const modules = {

/***/ 740:
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
    const names = [...new Set(crates.map((crate) => crate.name))];
    const answers = await boundedAll(names, INDEX_CONCURRENCY, (name) => readIndexFile(labelled(name), index, name), (answer) => answer.kind === 'unreadable');
    const stopper = names[answers.findIndex((answer) => answer?.kind === 'unreadable')];
    return crates.map((crate) => {
        const answer = answers[names.indexOf(crate.name)];
        if (answer === undefined) {
            const after = stopper === undefined ? '' : ` after \`${stopper}\`'s file failed`;
            return { kind: 'unchecked', why: `not asked${after}` };
        }
        if (answer.kind === 'unreadable') {
            return { kind: 'unchecked', why: (0,describe/* briefly */.m_)(answer.failure, answer.attempts) };
        }
        if (answer.kind === 'absent')
            return { kind: 'missing' };
        return answer.file.versions.has(comparable(crate.version))
            ? { kind: 'out' }
            : { kind: 'missing' };
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
