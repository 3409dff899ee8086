import { deliveryFailures } from './delivery-status.js';

describe('deliveryFailures', () => {
  it('reads the permanent failures of a DSN (Postfix style), not the delayed ones', () => {
    const report = [
      'Reporting-MTA: dns; mx.corp.example',
      'X-Postfix-Queue-ID: 4ABC',
      'Arrival-Date: Sat,  5 Dec 2026 10:12:00 +0100 (CET)',
      '',
      'Final-Recipient: rfc822; gone@corp.example',
      'Original-Recipient: rfc822;gone@corp.example',
      'Action: failed',
      'Status: 5.1.1',
      'Remote-MTA: dns; mail.corp.example',
      'Diagnostic-Code: smtp; 550 5.1.1 <gone@corp.example>: Recipient address',
      '    rejected: User unknown',
      '',
      'Final-Recipient: rfc822; slow@corp.example',
      'Action: delayed',
      'Status: 4.4.1',
      '',
    ].join('\r\n');
    expect(deliveryFailures(report)).toEqual([
      { address: 'gone@corp.example', reason: '5.1.1 550 5.1.1 <gone@corp.example>: Recipient address rejected: User unknown' },
    ]);
  });

  it('finds nothing in a report without a failed recipient', () => {
    expect(
      deliveryFailures('Reporting-MTA: dns; mx\n\nFinal-Recipient: rfc822; a@b.example\nAction: delivered\nStatus: 2.0.0\n'),
    ).toEqual([]);
  });
});
