import { ActionFailure } from '../errors/failure.js';
import type { RunnerEnvironment } from '../runner/environment.js';
import type { OidcAccess } from './request-id-token.js';

/** The ID token service's address and the job's request token, or the failure that says why not. */
export function oidcAccess(environment: RunnerEnvironment): OidcAccess {
  const { oidc } = environment;
  switch (oidc.kind) {
    case 'absent':
      throw new ActionFailure({ kind: 'no-id-token', fromFork: environment.event.fromFork });
    case 'invalid':
      throw new ActionFailure({
        kind: 'bad-environment',
        variable: oidc.variable,
        problem: oidc.problem,
      });
    case 'ready':
      return oidc.access;
  }
}
