/**
 * The password for a connection from a PostgreSQL password file (~/.pgpass, or PGPASSFILE), the
 * way libpq reads it: lines `host:port:database:user:password`, `*` matches anything, `\:` and
 * `\\` escape, `#` starts a comment, the first matching line wins. A host of `localhost` also
 * matches a connection through the default unix socket. Pure; the caller reads the file and
 * checks that only its owner can read it (libpq ignores a more open file, and so do we).
 */
export function pgpassWachtwoord(inhoud: string, doel: { host: string; port: number; database: string; user: string }): string | undefined {
  const host = doel.host.startsWith("/") ? ["localhost", doel.host] : [doel.host];
  for (const regel of inhoud.split(/\r?\n/)) {
    if (regel.trim() === "" || regel.startsWith("#")) continue;
    const velden = splits(regel);
    if (velden.length < 5) continue;
    const [h, p, d, u] = velden as [string, string, string, string];
    const wachtwoord = velden.slice(4).join(":");
    if (
      (h === "*" || host.includes(h)) &&
      (p === "*" || p === String(doel.port)) &&
      (d === "*" || d === doel.database) &&
      (u === "*" || u === doel.user)
    ) {
      return wachtwoord;
    }
  }
  return undefined;
}

/** Splits on unescaped colons and removes the escapes. */
function splits(regel: string): string[] {
  const velden: string[] = [];
  let veld = "";
  for (let i = 0; i < regel.length; i++) {
    const c = regel[i]!;
    if (c === "\\" && i + 1 < regel.length) veld += regel[++i];
    else if (c === ":") {
      velden.push(veld);
      veld = "";
    } else veld += c;
  }
  return [...velden, veld];
}
