// Bearer tokens: 32 random bytes, shown once, stored only as their SHA-256. A stolen database then yields no
// usable token; and since the lookup is by hash, comparing a presented token never walks a secret byte by byte.
import { createHash, randomBytes } from "node:crypto";

/** Which side a token is for; part of the token's text so an operator can tell them apart in a config file. */
export type TokenKind = "admin" | "store" | "producer";

/** A new random token, e.g. `sg_store_3q2…`. */
export function newToken(kind: TokenKind): string {
  return `sg_${kind}_${randomBytes(32).toString("base64url")}`;
}

/** The SHA-256 (hex) the hub stores and looks a token up by. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
