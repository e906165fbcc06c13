// The floor for post: the least a Node 24 action can do. DELETE the token from state; node's
// own http, one file, no keep-alive (as the action).
// Built-ins through getBuiltinModule: an ESM `import 'node:http'` costs several times more at start.
// node:https only for an https registry (`npm run bench`'s default).
const env = process.env;
const { request } = process.getBuiltinModule(
  env.STATE_registryUrl.startsWith('https:') ? 'node:https' : 'node:http',
);

await new Promise((resolve, reject) => {
  const url = `${env.STATE_registryUrl}/api/v1/trusted_publishing/tokens`;
  const headers = { authorization: `Bearer ${env.STATE_token}`, 'user-agent': 'floor' };
  const req = request(url, { method: 'DELETE', headers, agent: false }, (res) => {
    res.resume();
    res.on('end', resolve);
  });
  req.on('error', reject);
  req.end();
});
