// The signed manifest and its detached signature file: the only documents a till trusts by signature. Everything
// else in the feed is trusted because the manifest pins its SHA-256 (TUF's timestamp + snapshot roles in one file).
import { z } from "zod";

const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A feed file name relative to the manifest; no slashes, so a manifest cannot point outside the feed folder. */
const FileNameSchema = z.string().regex(FILE_NAME).max(200);

/** A file the manifest pins: its name, its SHA-256 (lowercase hex) and its length in bytes. */
const PinnedFileSchema = z.object({
  file: FileNameSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.int().nonnegative(),
});

const VersionSchema = z.int().positive();

/** The manifest's entry for the full snapshot at `version`. */
export const SnapshotEntrySchema = PinnedFileSchema.extend({ version: VersionSchema });
/** The manifest's entry for the full snapshot at `version`. */
export type SnapshotEntry = z.infer<typeof SnapshotEntrySchema>;

/** The manifest's entry for one delta, taking a holder of `fromVersion` to `toVersion`. */
export const DeltaEntrySchema = PinnedFileSchema.extend({ fromVersion: VersionSchema, toVersion: VersionSchema });
/** The manifest's entry for one delta, taking a holder of `fromVersion` to `toVersion`. */
export type DeltaEntry = z.infer<typeof DeltaEntrySchema>;

/**
 * `manifest.json`: the latest feed version, when it was issued, until when a till may trust it, the snapshot at
 * that version and the recent deltas, oldest first, each ending where the next starts and the last at `version`.
 */
export const FeedManifestSchema = z
  .object({
    format: z.literal("scangate-feed-manifest/1"),
    version: VersionSchema,
    /** ISO 8601 instant, e.g. `2026-11-29T06:00:00.000Z`. */
    issuedAt: z.iso.datetime({ offset: true }),
    /** ISO 8601 instant after which the manifest is refused (MANIFEST_EXPIRED). */
    expiresAt: z.iso.datetime({ offset: true }),
    snapshot: SnapshotEntrySchema,
    deltas: z.array(DeltaEntrySchema),
  })
  .superRefine((manifest, context) => {
    if (Date.parse(manifest.expiresAt) <= Date.parse(manifest.issuedAt))
      context.addIssue({ code: "custom", path: ["expiresAt"], message: "expiresAt must be after issuedAt" });
    if (manifest.snapshot.version !== manifest.version)
      context.addIssue({ code: "custom", path: ["snapshot", "version"], message: "the snapshot must be at version" });
    manifest.deltas.forEach((delta, index) => {
      const next = manifest.deltas[index + 1];
      const expectedTo = next === undefined ? manifest.version : next.fromVersion;
      if (delta.fromVersion >= delta.toVersion || delta.toVersion !== expectedTo)
        context.addIssue({
          code: "custom",
          path: ["deltas", index],
          message: `deltas must chain in order and end at version ${manifest.version}`,
        });
    });
  });
/** `manifest.json`, parsed. */
export type FeedManifest = z.infer<typeof FeedManifestSchema>;

/**
 * `manifest.json.sig`: detached Ed25519 signatures over the exact bytes of `manifest.json`. Several signatures let
 * a publisher sign with the old and the new key while tills roll over to the new one.
 */
export const ManifestSignaturesSchema = z.object({
  format: z.literal("scangate-feed-signatures/1"),
  signatures: z
    .array(
      z.object({
        keyId: z.string().min(1).max(100),
        /** 64 bytes, base64url without padding. */
        signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
      }),
    )
    .min(1),
});
/** `manifest.json.sig`, parsed. */
export type ManifestSignatures = z.infer<typeof ManifestSignaturesSchema>;

/** A public key a till trusts: its id and its raw 32 bytes as base64url (43 characters). */
export const TrustedKeySchema = z.object({
  keyId: z.string().min(1).max(100),
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
/** A public key a till trusts: its id and its raw 32 bytes as base64url (43 characters). */
export type TrustedKey = z.infer<typeof TrustedKeySchema>;
