/** A trusted-publishing token lives 30 minutes from its exchange (crates.io). */
const TOKEN_LIFE_MS = 30 * 60_000;
/**
 * A token is handed out for a new upload only while at least this much of its life is left,
 * so an upload that starts with it ends with it alive: 10 minutes is room for a large crate on
 * a slow link. Each token then serves its first 20 minutes: one exchange per 20 minutes.
 */
const UPLOAD_ROOM_MS = 10 * 60_000;

/** The token life the action assumes, scaled like every wait by AUTH_ACTION_TIME_SCALE. */
export interface TokenLife {
  lifeMs: number;
  uploadRoomMs: number;
}

export const tokenLife = (scale = 1): TokenLife => ({
  lifeMs: TOKEN_LIFE_MS * scale,
  uploadRoomMs: UPLOAD_ROOM_MS * scale,
});

/**
 * Until when (clock ms) a token minted at `mintedAt` may be handed out. `mintedAt` is taken
 * before the exchange was sent, so the registry's 30 minutes start later, never earlier.
 */
export function handOutUntil(life: TokenLife, mintedAt: number): number {
  return mintedAt + life.lifeMs - life.uploadRoomMs;
}
