/**
 * A crate's file in a sparse index (RFC 2789), as cargo builds it (`make_dep_path` in
 * cargo-util): the name lower-cased, under `1/`, `2/`, `3/{first}/`, or `{first two}/{next two}/`.
 */
export function indexPath(name: string): string {
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

/** The URL of a crate's file under a sparse index's base URL (which ends in `/`). */
export function indexFileUrl(indexUrl: string, name: string): string {
  return `${indexUrl}${indexPath(name)}`;
}
