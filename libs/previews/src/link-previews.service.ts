import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LinkPreviewRule, LinkPreviewView, LiveCardItemType, PreviewItemType } from '@ruche/contracts';
import { FetchedImages } from '@ruche/files';
import { canonicalIdSet, Database, type EventSubject, invalid, RUCHE_CONFIG, type RucheConfig, rows, Transactions, type Tx } from '@ruche/platform';
import { extractLinks, hostPermitted } from './links.js';
import { hostOf, readPageMeta } from './preview-html.js';
import { FetchRefused, safeFetch, type SafeFetchOptions } from './safe-fetch.js';

/** Who fetches: said plainly, so a site's operator knows what knocked and why. */
export const PREVIEW_USER_AGENT = 'RuchePreviewBot/1.0 (+link previews for an internal social network; no cookies)';
const MAX_REDIRECTS = 4;
const MAX_RULES = 500;
/** The most items told live about one fetch; beyond, readers see the card on their next read. */
const MAX_NOTIFIED_ITEMS = 1000;

interface PreviewRow {
  id: string;
  url: string;
  status: 'pending' | 'ready' | 'failed';
  final_url: string | null;
  title: string | null;
  description: string | null;
  site_name: string | null;
  image_file_id: string | null;
}

/** Told, off the request path, that some items' previews changed: the owner sends the new cards live. */
export type PreviewsChanged = (itemIds: string[]) => Promise<void>;

/**
 * Where one item's new cards go, as its owner decides with its own visibility rules: the audience
 * its `*.updated` event would have now (empty: nobody, e.g. deleted or hidden), and the subject
 * that replay re-checks, so a card never travels further than its item.
 */
export interface CardDelivery {
  id: string;
  parentId: string | null;
  audience: string[];
  subject: EventSubject;
  actorId: string;
}

/**
 * Link preview cards (#14). The owner of an item (feed, for posts) calls {@link track} in its
 * writing transaction with the item's text: the links are recorded against the item, the cache
 * (`link_previews`, one row per normalised URL) gets a pending row for each new one, and a
 * `link_preview.requested` event is written with the change. The fetch happens after commit, in the
 * job engine's listener ({@link fetchRequested}), through {@link safeFetch}; the card's image is
 * fetched the same way and stored as a file (libs/files' FetchedImages). When a preview is ready
 * the owner is told (its {@link PreviewsChanged} handler) and sends the cards to its item's
 * audience. Reads ({@link previewsFor}) answer ready cards only, minus hosts an admin denies now:
 * a card is part of its item's view, so it is exactly as visible as the item.
 */
@Injectable()
export class LinkPreviews {
  private readonly logger = new Logger('previews');
  private readonly handlers = new Map<PreviewItemType, PreviewsChanged>();

  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly images: FetchedImages,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
  ) {}

  get enabled(): boolean {
    return this.config.linkPreviews.enabled;
  }

  /** The owner of `type` registers who sends its cards live once they are fetched. */
  onChanged(type: PreviewItemType, handler: PreviewsChanged): void {
    this.handlers.set(type, handler);
  }

  /**
   * The shared glue for owners other than posts: once cards are fetched, `deliveries` (the owner's
   * visibility) says who may hear of each item, and each gets one `item.link_previews` with its
   * cards, read as its views read them.
   */
  sendLive(type: LiveCardItemType, deliveries: (itemIds: string[]) => Promise<CardDelivery[]>): void {
    this.onChanged(type, async (ids) => {
      const targets = (await deliveries(ids)).filter((d) => d.audience.length > 0);
      if (targets.length === 0) return;
      const cards = await this.previewsFor(
        type,
        targets.map((d) => d.id),
      );
      await this.transactions.run(async (tx) => {
        for (const d of targets) {
          await tx.emit({
            type: 'item.link_previews',
            payload: { itemType: type, itemId: d.id, parentId: d.parentId, linkPreviews: cards.get(d.id) ?? [] },
            audience: d.audience,
            subject: d.subject,
            actorId: d.actorId,
          });
        }
      });
    });
  }

  /**
   * {@link sendLive} for an owner whose deliveries are one query away: `sql` reads the items whose
   * ids are `$1` (an array) with what their audience needs, and `delivery` says where each goes.
   */
  sendLiveRows<Row>(type: LiveCardItemType, sql: string, delivery: (row: Row) => CardDelivery): void {
    this.sendLive(type, async (ids) => (await rows<Row>(this.db.manager, sql, [ids])).map(delivery));
  }

  // ---- writing (in the owner's transaction) ------------------------------------------------------

  /**
   * Records the links of an item's text (create or edit) and asks for the ones not cached, in the
   * caller's transaction. Answers the cards already in the cache, for the view the write returns.
   * `created`: the item was inserted by this transaction, so it has no links to forget (one
   * statement fewer on every post, comment, idea, question and answer written).
   */
  async track(
    tx: Tx,
    authorId: string,
    item: { type: PreviewItemType; id: string },
    text: string,
    { created = false }: { created?: boolean } = {},
  ): Promise<LinkPreviewView[]> {
    const urls = this.enabled ? extractLinks(text) : [];
    if (!created) {
      await tx.manager.query(
        'DELETE FROM link_preview_uses WHERE item_type = $1 AND item_id = $2 AND NOT (preview_id IN (SELECT id FROM link_previews WHERE url = ANY($3::text[])))',
        [item.type, item.id, urls],
      );
    }
    if (urls.length === 0) return [];
    // DO UPDATE (a no-op write) so every row comes back, new or cached; sorted to lock in one order.
    const previews = await rows<{ id: string; url: string; stale: boolean }>(
      tx.manager,
      `INSERT INTO link_previews (url, requested_by) SELECT u, $2 FROM unnest($1::text[]) AS u ORDER BY u
       ON CONFLICT (url) DO UPDATE SET requested_by = coalesce(link_previews.requested_by, EXCLUDED.requested_by)
       RETURNING id, url, (status = 'pending' OR expires_at <= now()) AS stale`,
      [urls, authorId],
    );
    const byUrl = new Map(previews.map((p) => [p.url, p]));
    const ids = urls.map((url) => byUrl.get(url)!.id);
    await tx.manager.query(
      `INSERT INTO link_preview_uses (item_type, item_id, preview_id, position)
       SELECT $1, $2, id, ord FROM unnest($3::uuid[]) WITH ORDINALITY AS t (id, ord)
       ON CONFLICT (item_type, item_id, preview_id) DO UPDATE SET position = EXCLUDED.position`,
      [item.type, item.id, ids],
    );
    const stale = previews.filter((p) => p.stale).map((p) => p.id);
    if (stale.length > 0) {
      await tx.emit({
        type: 'link_preview.requested',
        payload: { itemType: item.type, itemId: item.id, previewIds: stale },
        audience: [],
        actorId: authorId,
      });
    }
    return (await this.previewsFor(item.type, [item.id], tx.manager)).get(item.id) ?? [];
  }

  // ---- reading -----------------------------------------------------------------------------------

  /** The ready cards of items the caller already may see, by item id, in the order written. */
  async previewsFor(type: PreviewItemType, itemIds: readonly string[], db: EntityManager = this.db.manager): Promise<Map<string, LinkPreviewView[]>> {
    const ids = canonicalIdSet(itemIds);
    const result = new Map<string, LinkPreviewView[]>();
    if (ids.length === 0 || !this.enabled) return result;
    const found = await rows<PreviewRow & { item_id: string }>(
      db,
      `SELECT u.item_id, p.id, p.url, p.status, p.final_url, p.title, p.description, p.site_name, p.image_file_id
         FROM link_preview_uses u JOIN link_previews p ON p.id = u.preview_id
        WHERE u.item_type = $1 AND u.item_id = ANY($2::uuid[]) AND p.status = 'ready'
        ORDER BY u.item_id, u.position`,
      [type, ids],
    );
    if (found.length === 0) return result;
    const rules = await this.rules(db);
    const images = await this.images.views(found.map((r) => r.image_file_id).filter((id): id is string => id !== null));
    for (const row of found) {
      if (!hostPermitted(new URL(row.url).hostname, rules) || !hostPermitted(new URL(row.final_url ?? row.url).hostname, rules)) continue;
      const image = row.image_file_id ? images.get(row.image_file_id) : undefined;
      const view: LinkPreviewView = {
        url: row.url,
        host: hostOf(row.final_url ?? row.url),
        title: row.title,
        description: row.description,
        siteName: row.site_name,
        ...(image ? { image: { url: image.thumbnailUrl ?? image.url, width: image.width, height: image.height } } : {}),
      };
      result.set(row.item_id, [...(result.get(row.item_id) ?? []), view]);
    }
    return result;
  }

  /** Whether a preview exists (files' signed links to its image ask this). */
  async existing(ids: string[]): Promise<Set<string>> {
    const found = await rows<{ id: string }>(this.db.manager, 'SELECT id FROM link_previews WHERE id = ANY($1::uuid[])', [
      canonicalIdSet(ids),
    ]);
    return new Set(found.map((r) => r.id));
  }

  // ---- fetching (the job engine's listener, after commit) ----------------------------------------

  /**
   * Fetches the previews an item asked for, then tells the item's owner. Each preview is claimed
   * first (`claimed_until`), so two instances, or two items linking the same page, fetch it once;
   * a fetch that fails is recorded as the preview's failure (kept for the failure TTL), never thrown,
   * so the event is not retried over a page that is down. Idempotent: a fresh preview is skipped.
   */
  async fetchRequested(itemType: PreviewItemType, itemId: string, previewIds: string[]): Promise<void> {
    if (!this.enabled) return;
    const ready: string[] = [];
    for (const id of canonicalIdSet(previewIds)) if (await this.refresh(id)) ready.push(id);
    // Everyone linking a page that just became ready hears of it (their own requests found it
    // claimed and skipped it), and the asking item whenever it has cards: its request may have come
    // after another worker's fetch had already finished.
    const items = await rows<{ item_type: PreviewItemType; item_id: string }>(
      this.db.manager,
      `SELECT DISTINCT u.item_type, u.item_id FROM link_preview_uses u JOIN link_previews p ON p.id = u.preview_id
        WHERE p.status = 'ready' AND (u.preview_id = ANY($1::uuid[]) OR (u.item_type = $2 AND u.item_id = $3))
        LIMIT ${MAX_NOTIFIED_ITEMS}`,
      [ready, itemType, itemId],
    );
    const byType = new Map<PreviewItemType, string[]>();
    for (const item of items) byType.set(item.item_type, [...(byType.get(item.item_type) ?? []), item.item_id]);
    for (const [type, ids] of byType) await this.handlers.get(type)?.(ids);
  }

  /** Fetches one preview if it is due and nobody else is at it; answers whether it became ready. */
  async refresh(id: string): Promise<boolean> {
    const { timeoutMs, ttlHours, failureTtlMinutes } = this.config.linkPreviews;
    const [claimed] = await rows<PreviewRow & { requested_by: string | null }>(
      this.db.manager,
      `UPDATE link_previews SET claimed_until = now() + make_interval(secs => $2::double precision)
        WHERE id = $1 AND (status = 'pending' OR expires_at <= now()) AND (claimed_until IS NULL OR claimed_until < now())
        RETURNING id, url, status, final_url, title, description, site_name, image_file_id, requested_by`,
      [id, (timeoutMs * 3) / 1000 + 30],
    );
    if (!claimed) return false;
    try {
      const meta = await this.fetchPage(claimed.url);
      const image = meta.imageUrl && claimed.requested_by ? await this.fetchImage(claimed.requested_by, claimed.id, meta.imageUrl) : null;
      await this.db.manager.query(
        `UPDATE link_previews SET status = 'ready', final_url = $2, title = $3, description = $4, site_name = $5, image_file_id = $6,
                failure = NULL, fetched_at = now(), expires_at = now() + make_interval(hours => $7), claimed_until = NULL
          WHERE id = $1`,
        [id, meta.finalUrl, meta.title, meta.description, meta.siteName, image, ttlHours],
      );
      if (claimed.image_file_id && claimed.image_file_id !== image) await this.images.discard([claimed.image_file_id]);
      return true;
    } catch (error) {
      if (!(error instanceof FetchRefused)) {
        await this.db.manager.query('UPDATE link_previews SET claimed_until = NULL WHERE id = $1', [id]);
        throw error;
      }
      this.logger.log({ msg: 'link preview not fetched', url: claimed.url, reason: error.reason, detail: error.message });
      // A first fetch that fails is a failure; a refresh that fails keeps the card it had.
      await this.db.manager.query(
        `UPDATE link_previews SET status = CASE WHEN status = 'ready' THEN 'ready' ELSE 'failed' END, failure = $2,
                expires_at = now() + make_interval(mins => $3), claimed_until = NULL
          WHERE id = $1`,
        [id, error.reason, failureTtlMinutes],
      );
      return false;
    }
  }

  private fetchOptions(kind: 'page' | 'image'): SafeFetchOptions {
    const { timeoutMs, maxHtmlBytes, maxImageBytes, testAllowHosts } = this.config.linkPreviews;
    return {
      maxBytes: kind === 'page' ? maxHtmlBytes : maxImageBytes,
      connectTimeoutMs: Math.max(100, Math.floor(timeoutMs / 3)),
      totalTimeoutMs: timeoutMs,
      maxRedirects: MAX_REDIRECTS,
      userAgent: PREVIEW_USER_AGENT,
      accept: kind === 'page' ? 'text/html,application/xhtml+xml;q=0.9' : 'image/png,image/jpeg,image/gif,image/webp',
      acceptTypes:
        kind === 'page'
          ? (type) => type === 'text/html' || type === 'application/xhtml+xml'
          : (type) => ['image/png', 'image/jpeg', 'image/gif', 'image/webp'].includes(type),
      testAllowHosts: new Set(testAllowHosts),
    };
  }

  /** The page, through the safe fetch, each hop's host checked against the admins' list too. */
  private async fetchPage(url: string) {
    await this.checkHost(url);
    const page = await safeFetch(url, { ...this.fetchOptions('page'), beforeHop: (hop) => this.checkHost(hop) });
    const meta = readPageMeta(page.body.toString('utf8'), page.url);
    return { ...meta, finalUrl: page.url };
  }

  /** The card's image, or null when it cannot be had (a card without a picture, not a failure). */
  private async fetchImage(ownerId: string, previewId: string, url: string): Promise<string | null> {
    try {
      await this.checkHost(url);
      const image = await safeFetch(url, { ...this.fetchOptions('image'), beforeHop: (hop) => this.checkHost(hop) });
      const name = decodeURIComponent(new URL(image.url).pathname.split('/').pop() || 'preview') || 'preview';
      const stored = await this.images.store(ownerId, image.body, name.slice(0, 200), { type: 'link_preview', id: previewId });
      return stored?.id ?? null;
    } catch (error) {
      if (!(error instanceof FetchRefused) && !(error instanceof URIError)) throw error;
      this.logger.log({ msg: 'link preview image not fetched', url, reason: (error as FetchRefused).reason ?? 'bad_url' });
      return null;
    }
  }

  private async checkHost(url: string): Promise<void> {
    let host: string;
    try {
      host = new URL(url).hostname;
    } catch {
      throw new FetchRefused('bad_url', 'Not a URL');
    }
    if (!hostPermitted(host, await this.rules())) throw new FetchRefused('denied', `${host} is not fetched (link preview rules)`);
  }

  // ---- the admins' host rules --------------------------------------------------------------------

  async rules(db: EntityManager = this.db.manager): Promise<LinkPreviewRule[]> {
    return rows<LinkPreviewRule>(db, 'SELECT host, rule FROM link_preview_rules ORDER BY host');
  }

  /** Replaces the whole list (hosts lower-cased; one rule per host). */
  async replaceRules(input: readonly LinkPreviewRule[]): Promise<LinkPreviewRule[]> {
    const rules = input.map((r) => ({ host: r.host.trim().toLowerCase().replace(/\.$/, ''), rule: r.rule }));
    if (rules.length > MAX_RULES) throw invalid(`At most ${MAX_RULES} rules`);
    const hosts = new Set(rules.map((r) => r.host));
    if (hosts.size !== rules.length) throw invalid('Each host may have one rule only');
    return this.transactions.run(async (tx) => {
      // One writer at a time: two admins saving at once end with one list or the other, whole.
      await tx.manager.query('LOCK TABLE link_preview_rules IN SHARE ROW EXCLUSIVE MODE');
      await tx.manager.query('DELETE FROM link_preview_rules');
      if (rules.length > 0) {
        await tx.manager.query('INSERT INTO link_preview_rules (host, rule) SELECT * FROM unnest($1::text[], $2::text[])', [
          rules.map((r) => r.host),
          rules.map((r) => r.rule),
        ]);
      }
      return this.rules(tx.manager);
    });
  }
}
