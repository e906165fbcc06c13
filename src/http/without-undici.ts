/**
 * Stands in for `undici` in the bundle (tsconfig `paths`). @actions/http-client imports undici
 * only for `getAgentDispatcher()`, a dispatcher for `fetch`; this action sends every request
 * with `HttpClient.request()`, which uses node's agents and, behind a proxy, `tunnel`. Bundling
 * undici cost a third of the start-up time and two thirds of the bundle for code never run.
 */
// Only the name is imported at start; constructing it is the unsupported path.
// eslint-disable-next-line @typescript-eslint/no-extraneous-class
export class ProxyAgent {
  constructor() {
    throw new Error('auth-action does not bundle undici: getAgentDispatcher() is not supported.');
  }
}
