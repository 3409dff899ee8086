/** One recipient a delivery status notification reports as failed for good. */
export interface DeliveryFailure {
  address: string;
  reason: string;
}

/**
 * The permanent failures in a `message/delivery-status` body (RFC 3464): per-recipient blocks,
 * separated by blank lines, with `Final-Recipient: rfc822; <address>` (or `Original-Recipient`),
 * `Action: failed` and a `5.x.x` `Status`. Delayed or 4.x.x (temporary) reports are not failures.
 */
export function deliveryFailures(report: string): DeliveryFailure[] {
  const blocks = report
    .replace(/\r\n?/g, '\n')
    .replace(/\n[ \t]+/g, ' ')
    .split(/\n\s*\n/);
  const failures: DeliveryFailure[] = [];
  for (const block of blocks) {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      const match = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
      if (match) fields.set(match[1]!.toLowerCase(), match[2]!.trim());
    }
    const recipient = fields.get('final-recipient') ?? fields.get('original-recipient');
    const action = fields.get('action')?.toLowerCase();
    const status = fields.get('status') ?? '';
    if (!recipient || action !== 'failed' || !/^5\./.test(status)) continue;
    const address = recipient
      .replace(/^[^;]*;\s*/, '')
      .replace(/^<|>$/g, '')
      .trim();
    if (!address.includes('@')) continue;
    const diagnostic = fields.get('diagnostic-code')?.replace(/^[^;]*;\s*/, '') ?? '';
    failures.push({ address, reason: `${status} ${diagnostic}`.trim().slice(0, 500) });
  }
  return failures;
}
