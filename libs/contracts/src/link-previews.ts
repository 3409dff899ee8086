/**
 * A link preview card (#14): what the server read from a page linked in a post, comment,
 * question, answer or idea, fetched off the
 * request path through libs/previews' SSRF-safe fetch. Text fields are plain text (never HTML);
 * `image` is a stored file's short-lived signed link (`/api/files/:id/web?exp=…&sig=…`).
 */
export interface LinkPreviewView {
  /** The link as normalised (no fragment), as written in the post. */
  url: string;
  /** The host the card names (the page that answered, after redirects), without `www.`. */
  host: string;
  title: string | null;
  description: string | null;
  siteName: string | null;
  image?: { url: string; width?: number; height?: number };
}

/** Produced by libs/previews (no socket audience): links to fetch, written by an item's author. */
export interface PreviewEvents {
  'link_preview.requested': { itemType: PreviewItemType; itemId: string; previewIds: string[] };
  /**
   * Audience: as the item's own `*.updated` event (its owner's visibility; a private group's
   * comment's cards to its members only). A comment's, question's, answer's or idea's cards were
   * fetched (or refreshed). `parentId` is the comment's post or the answer's question, else null.
   * (A post's cards travel as `post.link_previews`.)
   */
  'item.link_previews': { itemType: LiveCardItemType; itemId: string; parentId: string | null; linkPreviews: LinkPreviewView[] };
}

/** The kinds of item whose links get preview cards. */
export const PREVIEW_ITEM_TYPES = ['post', 'comment', 'question', 'answer', 'idea', 'idea_comment'] as const;
export type PreviewItemType = (typeof PREVIEW_ITEM_TYPES)[number];
/** The items whose cards are sent live as `item.link_previews`. */
export type LiveCardItemType = Exclude<PreviewItemType, 'post'>;

/** An admin's rule for a host (and its subdomains): `deny` wins over `allow`. */
export interface LinkPreviewRule {
  host: string;
  rule: 'allow' | 'deny';
}

/** `GET|PUT /api/admin/link-previews/rules`. With any `allow` rule, only allowed hosts are fetched. */
export interface LinkPreviewRules {
  rules: LinkPreviewRule[];
}
