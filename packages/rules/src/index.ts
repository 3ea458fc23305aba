// @scangate/rules — the offline recall / inspection / expiry rule engine, its signed feed and its cache.

export type { Result, RulesError, RulesErrorCode } from "./errors.js";
export { type EvaluateContext, evaluate } from "./evaluate.js";
export {
  detectEd25519Verifier,
  type Ed25519Verifier,
  nobleEd25519,
  webCryptoEd25519,
} from "./feed/ed25519-verifier.js";
export {
  type FeedDelta,
  FeedDeltaSchema,
  type FeedSnapshot,
  FeedSnapshotSchema,
} from "./feed/feed-document-schemas.js";
// The signed feed (verification runs in browsers and Node; publishing is at @scangate/rules/feed-publisher)
export type { FeedError, FeedErrorCode, FeedResult } from "./feed/feed-errors.js";
export { applyDelta, type FeedChanges, type FeedState, stateFromSnapshot } from "./feed/feed-state.js";
export {
  type DeltaEntry,
  DeltaEntrySchema,
  type FeedManifest,
  FeedManifestSchema,
  type ManifestSignatures,
  ManifestSignaturesSchema,
  type SnapshotEntry,
  SnapshotEntrySchema,
  type TrustedKey,
  TrustedKeySchema,
} from "./feed/manifest-schema.js";
export { parseTrustedKeys } from "./feed/trusted-keys.js";
export { verifyDelta, verifySnapshot } from "./feed/verify-document.js";
export {
  type FeedUpdate,
  MANIFEST_FILE,
  type ReadFeedFile,
  type VerifyFeedUpdateOptions,
  verifyFeedUpdate,
} from "./feed/verify-feed-update.js";
export { type VerifyManifestOptions, verifyManifest } from "./feed/verify-manifest.js";
export { DEFAULT_STORE_POLICY, parseStorePolicy } from "./policy-schema.js";
// The engine
export { buildIndex, type RuleIndex } from "./rule-index.js";
// The rule model (zod schemas; types inferred from them)
export {
  CalendarDateSchema,
  DateAiSchema,
  LocalizedTextSchema,
  type ProductSelector,
  ProductSelectorSchema,
  parseRuleNotices,
  type RuleNotice,
  RuleNoticeSchema,
  type StorePolicy,
  type StorePolicyInput,
  StorePolicySchema,
} from "./schemas.js";
// The cache
export {
  createRuleStore,
  type RuleStore,
  type RuleStoreOptions,
  type RuleStoreStatus,
} from "./store/create-rule-store.js";
export type { VerdictContext, VerdictFor } from "./store/held-rules.js";
export type { StoreError, StoreErrorCode, StoreFailure } from "./store/store-errors.js";
export type { SyncProgress } from "./store/sync-run.js";
export { storeDate } from "./store-date.js";
export type { FeedReason, Markdown, NoticeReason, PolicyReason, Reason, TillAction, Verdict } from "./verdict.js";
