// The floor for main: the least a Node 24 action can do. GET the ID token, POST it, write the
// output and state files; node's own http, one file, no keep-alive (as the action).
// Built-ins through getBuiltinModule: an ESM `import 'node:http'` costs several times more at start.
// node:https only for an https URL (a registry over TLS: `npm run bench`'s default).
const { appendFileSync } = process.getBuiltinModule('node:fs');
const client = (url) =>
  process.getBuiltinModule(new URL(url).protocol === 'https:' ? 'node:https' : 'node:http');

function send(method, url, headers, body) {
  return new Promise((resolve, reject) => {
    const req = client(url).request(url, { method, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const env = process.env;
const registry = env.INPUT_URL;
const idUrl = new URL(env.ACTIONS_ID_TOKEN_REQUEST_URL);
idUrl.searchParams.set('audience', new URL(registry).host);
const auth = { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` };
const jwt = JSON.parse(await send('GET', idUrl, auth)).value;
process.stdout.write(`::add-mask::${jwt}\n`);
const headers = { 'content-type': 'application/json', 'user-agent': 'floor' };
const body = JSON.stringify({ jwt });
const token = JSON.parse(
  await send('POST', `${registry}/api/v1/trusted_publishing/tokens`, headers, body),
).token;
process.stdout.write(`::add-mask::${token}\n`);
appendFileSync(env.GITHUB_OUTPUT, `token<<EOF\n${token}\nEOF\n`);
appendFileSync(env.GITHUB_STATE, `token<<EOF\n${token}\nEOF\nregistryUrl<<EOF\n${registry}\nEOF\n`);
