// The Node-only entry `@scangate/rules/feed-publisher`: publishing needs node:fs and node:crypto's signing, which a
// till's bundle must never pull in, so it is a subpath of its own rather than part of the main entry.
export { type FeedKeyPair, generateFeedKeyPair, keyIdFor, trustedKeyFromPrivateKey } from "./feed-keys.js";
export { type PublishedFeed, type PublishFeedOptions, publishFeed } from "./publish-feed.js";
