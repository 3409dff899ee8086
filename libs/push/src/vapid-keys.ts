import { Inject, Injectable } from '@nestjs/common';
import { Database, RUCHE_CONFIG, type RucheConfig, rows } from '@ruche/platform';
import webpush from 'web-push';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/**
 * The server's VAPID key pair (RFC 8292): browsers bind each subscription to the public key, and
 * every push is signed with the private one. Configured keys win; otherwise the first instance to
 * need a pair generates it and keeps it in `push_vapid_keys` (one row, first insert wins), so every
 * instance signs alike and a restart does not orphan the subscriptions.
 */
@Injectable()
export class VapidKeyStore {
  private cached: Promise<VapidKeys> | null = null;

  constructor(
    private readonly db: Database,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
  ) {}

  keys(): Promise<VapidKeys> {
    if (this.config.push.vapid) return Promise.resolve(this.config.push.vapid);
    this.cached ??= this.loadOrCreate().catch((error: unknown) => {
      this.cached = null;
      throw error;
    });
    return this.cached;
  }

  private async loadOrCreate(): Promise<VapidKeys> {
    const fresh = webpush.generateVAPIDKeys();
    await this.db.query(
      `INSERT INTO push_vapid_keys (id, public_key, private_key) VALUES (true, $1, $2)
       ON CONFLICT ON CONSTRAINT push_vapid_keys_pkey DO NOTHING`,
      [fresh.publicKey, fresh.privateKey],
    );
    const [kept] = await rows<{ public_key: string; private_key: string }>(
      this.db.manager,
      'SELECT public_key, private_key FROM push_vapid_keys WHERE id',
    );
    return { publicKey: kept.public_key, privateKey: kept.private_key };
  }
}
