import { UserError } from "../../errors.js";

/** Where a connection goes, for messages (never with the password). */
export interface Bestemming {
  host: string;
  port: number;
  database: string;
  user: string;
  sslmode?: string;
  /** Seconds before an unanswered connection attempt is given up. */
  connectTimeout?: number;
}

export function isSocket(host: string): boolean {
  return host.startsWith("/");
}

/** "db.example.nl:5432" or "de socket in /var/run/postgresql". */
export function server(b: Bestemming): string {
  return isSocket(b.host) ? `de socket in ${b.host}` : `${b.host}:${b.port}`;
}

const NETWERK_ONBEREIKBAAR = new Set(["ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EHOSTDOWN", "ECONNRESET", "EPIPE"]);
const CERTIFICAAT = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS_CERT_ALTNAME_INVALID|HOSTNAME_MISMATCH/;

/**
 * Turns what the driver or the server says into one Dutch line (a UserError: exit 2), or passes
 * the error on unchanged when it is ours (a bug: exit 1). Pure: tested with made-up errors too.
 */
export function vertaalPgFout(err: unknown, b: Bestemming): unknown {
  if (err instanceof UserError) return err;
  const e = (err ?? {}) as { code?: unknown; message?: unknown; table?: unknown };
  const code = typeof e.code === "string" ? e.code : "";
  const bericht = typeof e.message === "string" ? e.message : "";
  const fout = (c: string, m: string) => new UserError(c, m);

  if (code === "ECONNREFUSED" || (code === "ENOENT" && isSocket(b.host))) {
    return fout(
      "database-onbereikbaar",
      `PostgreSQL-server ${server(b)} is niet bereikbaar (verbinding geweigerd); draait de server en klopt de poort?`,
    );
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
    return fout("database-onbereikbaar", `PostgreSQL-server ${b.host} is niet te vinden (onbekende hostnaam)`);
  }
  if (NETWERK_ONBEREIKBAAR.has(code) || /timeout|terminated unexpectedly/i.test(bericht)) {
    const wacht = b.connectTimeout ? ` binnen ${b.connectTimeout} s` : "";
    return fout("database-onbereikbaar", `PostgreSQL-server ${server(b)} is niet bereikbaar (geen antwoord${wacht})`);
  }
  if (/client password must be a (non-empty )?string/.test(bericht)) {
    return fout("aanmelden-mislukt", `Geen wachtwoord voor ${b.user} op ${server(b)}: zet het in ~/.pgpass (of PGPASSWORD), nooit in --db`);
  }
  if (/does not support SSL/i.test(bericht)) {
    return fout("tls", `De server ${server(b)} biedt geen TLS, maar sslmode=${b.sslmode ?? "require"} eist het`);
  }
  if (CERTIFICAAT.test(code)) {
    return fout(
      "tls",
      `Het TLS-certificaat van ${b.host} wordt niet vertrouwd (${code}); geef het CA-certificaat met sslrootcert of controleer de hostnaam`,
    );
  }
  switch (code) {
    case "28P01":
      return fout("aanmelden-mislukt", `Aanmelden als ${b.user} op ${server(b)} mislukt: wachtwoord onjuist of onbekende login`);
    case "28000":
      return fout("aanmelden-mislukt", `De server ${server(b)} laat ${b.user} niet toe tot database ${b.database} (pg_hba.conf)`);
    case "3D000":
      return fout("database-onbereikbaar", `Database ${b.database} bestaat niet op ${server(b)}`);
    case "57P03":
      return fout("database-bezet", `De PostgreSQL-server ${server(b)} start op of sluit af; probeer het zo opnieuw`);
    case "53300":
      return fout("database-bezet", `De PostgreSQL-server ${server(b)} heeft geen verbindingen meer vrij; probeer het zo opnieuw`);
    case "40001":
    case "40P01":
      return fout("database-bezet", "Iemand anders wijzigde tegelijk dezelfde gegevens; er is niets gewijzigd, probeer het opnieuw");
    case "55P03":
      return fout("database-bezet", `Database ${b.database} is bezet door een ander; probeer het opnieuw`);
    case "42501":
      return geenToegang(bericht, b);
    case "42704":
      if (/und-x-icu|collation/.test(bericht)) {
        return fout(
          "geen-icu",
          `De PostgreSQL-server ${server(b)} is gebouwd zonder ICU; interventie heeft ICU nodig (elke distributie levert het mee)`,
        );
      }
  }
  return err;
}

function geenToegang(bericht: string, b: Bestemming): UserError {
  if (/permission denied for database/.test(bericht)) {
    return new UserError("geen-toegang", `Login ${b.user} heeft geen toegang tot database ${b.database}`);
  }
  // "permission denied for table adres" (no quotes since PostgreSQL 11), "… policy for table "adres"".
  const tabel = /(?:table|relation) "?([^"\s]+)"?/.exec(bericht)?.[1];
  const waar = tabel ? ` (${tabel})` : "";
  return new UserError("geen-toegang", `Geen toegang: login ${b.user} mag dit niet${waar}; er is niets gewijzigd`);
}
