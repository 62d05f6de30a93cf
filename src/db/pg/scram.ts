import { createHash, createHmac, pbkdf2Sync, randomBytes } from "node:crypto";

/**
 * A SCRAM-SHA-256 verifier (RFC 5802, RFC 7677) in PostgreSQL's format
 * `SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>`, computed here so that a password
 * never travels to the server as text: `CREATE ROLE … PASSWORD '<verifier>'` stores it as is.
 * 4096 iterations and a 16-byte salt are what PostgreSQL itself uses.
 */
export function scramVerifier(wachtwoord: string, opties: { salt?: Buffer; iteraties?: number } = {}): string {
  const salt = opties.salt ?? randomBytes(16);
  const iteraties = opties.iteraties ?? 4096;
  const salted = pbkdf2Sync(Buffer.from(saslPrep(wachtwoord), "utf8"), salt, iteraties, 32, "sha256");
  const clientKey = createHmac("sha256", salted).update("Client Key").digest();
  const storedKey = createHash("sha256").update(clientKey).digest();
  const serverKey = createHmac("sha256", salted).update("Server Key").digest();
  return `SCRAM-SHA-256$${iteraties}:${salt.toString("base64")}$${storedKey.toString("base64")}:${serverKey.toString("base64")}`;
}

/**
 * The password as SCRAM hashes it (SASLprep, RFC 4013): non-ASCII spaces become a space,
 * characters "commonly mapped to nothing" go, then NFKC. The same three steps as libpq (psql)
 * and node-postgres take when logging in, so "wachtwoord met é" works from either.
 */
export function saslPrep(wachtwoord: string): string {
  return wachtwoord
    .replace(/[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000]/g, " ")
    .replace(/\u00AD|\u034F|\u1806|\u180B|\u180C|\u180D|\u200C|\u200D|\u2060|[\uFE00-\uFE0F]|\uFEFF/g, "")
    .normalize("NFKC");
}
