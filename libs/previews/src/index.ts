export { blockedRange } from './address-check.js';
export * from './dto.js';
export { extractLinks, hostPermitted, normaliseUrl } from './links.js';
export { cardAudience } from './card-audience.js';
export { type CardDelivery, LinkPreviews, PREVIEW_USER_AGENT, type PreviewsChanged } from './link-previews.service.js';
export { hostOf, readPageMeta, type PageMeta } from './preview-html.js';
export * from './previews.module.js';
export { checkedTarget, FetchRefused, type FetchedBody, safeFetch, type SafeFetchOptions } from './safe-fetch.js';
