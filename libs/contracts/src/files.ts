/** The kinds of item a file can be attached to (one item per file). */
export const ATTACHABLE_TYPES = ['post', 'comment', 'question', 'answer', 'idea'] as const;
export type AttachableType = (typeof ATTACHABLE_TYPES)[number];

/** An uploaded file, as `POST /api/files` answers it. */
export interface FileView {
  id: string;
  /** The cleaned file name (no path, control or bidi characters). */
  name: string;
  size: number;
  /** From the content's magic bytes, not from the name. */
  contentType: string;
  /** Of the stored bytes (images are stored re-encoded, without their metadata). */
  sha256: string;
  width?: number;
  height?: number;
  alt?: string;
}

/**
 * A file as the views of what it is attached to carry it (`attachments` on posts, comments,
 * questions, answers, ideas). `url` and `thumbnailUrl` are short-lived signed links
 * (`/api/files/:id?exp=…&sig=…`) that work without a bearer token, for `<img>` and `<a download>`.
 */
export interface AttachmentView {
  id: string;
  name: string;
  size: number;
  contentType: string;
  url: string;
  width?: number;
  height?: number;
  alt?: string;
  thumbnailUrl?: string;
}

/** The files module's events: for in-process listeners only (`audience: []`). */
export interface FileEvents {
  /**
   * A document was uploaded whose text can be extracted (PDF, Office, text): the files module's
   * listener reads it off the request path and stores its text for search.
   */
  'file.uploaded': { fileId: string; contentType: string };
}
