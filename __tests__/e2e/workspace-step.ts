// The main step with `workspace`, as the README's recipe runs it, for the tests of the check of
// a workspace; and what "no ID token was requested" looks like from the rig.
import {
  makeWorkspace,
  type Workspace,
  type WorkspaceCrate,
  type WorkspaceOptions,
} from '../../rig/cargo.js';
import { World } from '../../rig/world.js';

/**
 * The check's 20 s budget becomes 5 s, 8 s a request 2 s: a loaded machine's slow loopback
 * answer is no retry, and a 503 throughout still ends in a second or two.
 */
const PREFLIGHT_SCALE = '0.25';

/** `with:` and `env:` of the main step with `workspace`, the registry `local` and the provider. */
export function mainWith(ws: Workspace, extra: Record<string, string> = {}) {
  return {
    with: { 'credential-provider': 'true', 'registry-name': 'local', workspace: ws.dir, ...extra },
    // cargo's configuration for `local` is in the workspace's own CARGO_HOME.
    env: {
      CARGO_HOME: ws.env.CARGO_HOME ?? '',
      RUSTUP_HOME: ws.env.RUSTUP_HOME ?? '',
      AUTH_ACTION_TIME_SCALE: PREFLIGHT_SCALE,
    },
  };
}

/** Nothing was asked of GitHub's token service, nothing exchanged at the registry. */
export function expectNoIdToken(world: World): void {
  expect(world.oidc.minted).toEqual([]);
  expect(world.count('exchange')).toBe(0);
}

/**
 * A fresh world before each test, and a workspace its registry's index serves when the test
 * makes one; after it, the workspace removed and the world's steps checked for leaks.
 */
export function useWorkspaceWorld() {
  const context = {
    world: undefined as unknown as World,
    workspace: undefined as Workspace | undefined,
    /** A workspace whose cargo knows the registry `local` (any earlier one is removed first). */
    async useWorkspace(crates: WorkspaceCrate[], options?: WorkspaceOptions): Promise<Workspace> {
      await context.workspace?.remove();
      context.workspace = await makeWorkspace(
        `${context.world.registry.url}/index/`,
        crates,
        options,
      );
      return context.workspace;
    },
  };
  beforeEach(async () => {
    context.world = await World.start();
  });
  afterEach(async () => {
    await context.workspace?.remove();
    context.workspace = undefined;
    await context.world.stopAndCheckLeaks();
  });
  return context;
}
