/** A `files` row as the service reads it. */
export interface FileRow {
  id: string;
  owner_id: string;
  name: string;
  size: string;
  content_type: string;
  sha256: string;
  storage_key: string;
  width: number | null;
  height: number | null;
  alt: string | null;
  has_thumbnail: boolean;
  has_web: boolean;
  item_type: string | null;
  item_id: string | null;
  /** Unattached and past its day, or its item deleted: nobody may read it any more. */
  gone: boolean;
}

export const FILE_COLUMNS = `id, owner_id, name, size, content_type, sha256, storage_key, width, height, alt,
  has_thumbnail, has_web, item_type, item_id,
  (deleted_at IS NOT NULL OR (item_id IS NULL AND expires_at <= now())) AS gone`;

/** How long an upload (or a file taken off its item) waits to be attached before it is deleted. */
export const UNATTACHED_LIFETIME = `interval '1 day'`;
