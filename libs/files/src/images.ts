import sharp from 'sharp';

/** A decoded image larger than this many pixels is refused (a decompression bomb), ~ 8000 × 6000. */
const MAX_PIXELS = 50_000_000;
const THUMBNAIL_BOX = 400;
const WEB_BOX = 1600;

export interface ProcessedImage {
  width: number;
  height: number;
  /** The original, re-encoded in its own format, turned upright, without EXIF/XMP/ICC text. */
  clean: string;
  thumbnail: string;
  web: string;
}

/** The image could not be decoded (damaged, truncated, or too many pixels). */
export class UnreadableImage extends Error {}

/**
 * With sharp (libvips): the stored original is re-encoded without its metadata (EXIF location,
 * camera serials, XMP), turned upright first so dropping the orientation tag changes nothing the
 * reader sees; a thumbnail (400 px box) and a web rendition (1600 px box, never enlarged) in WebP;
 * the upright dimensions. Animated GIF and WebP stay animated. Paths are written beside `source`.
 */
export async function processImage(source: string, contentType: string): Promise<ProcessedImage> {
  const animated = contentType === 'image/gif' || contentType === 'image/webp';
  const open = () => sharp(source, { limitInputPixels: MAX_PIXELS, animated, failOn: 'error' });
  try {
    const clean = `${source}.clean`;
    const base = open().rotate();
    const encoded =
      contentType === 'image/jpeg'
        ? base.jpeg({ quality: 90, mozjpeg: true })
        : contentType === 'image/png'
          ? base.png()
          : contentType === 'image/gif'
            ? base.gif()
            : base.webp({ quality: 90 });
    // sharp keeps no metadata unless asked (withMetadata / keepExif): the output carries none.
    const info = await encoded.toFile(clean);
    const height = animated ? ((await sharp(clean, { animated: true }).metadata()).pageHeight ?? info.height) : info.height;
    const thumbnail = `${source}.thumb`;
    const web = `${source}.web`;
    await open()
      .rotate()
      .resize(THUMBNAIL_BOX, THUMBNAIL_BOX, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toFile(thumbnail);
    await open().rotate().resize(WEB_BOX, WEB_BOX, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 85 }).toFile(web);
    return { width: info.width, height, clean, thumbnail, web };
  } catch (error) {
    throw new UnreadableImage(String(error));
  }
}
