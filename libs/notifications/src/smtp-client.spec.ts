import { bodyOf, startFakeSmtpServer } from '../../../test/factories/notification-smtp.js';
import { addressOf, formatMessage, headerText, sendMail } from './smtp-client.js';

describe('smtp client', () => {
  it('sends one message over a real socket, with AUTH PLAIN on loopback', async () => {
    const server = await startFakeSmtpServer();
    try {
      const url = server.url.replace('smtp://', 'smtp://digest%40corp:s%3Acret@');
      await sendMail(url, {
        from: 'Ruche <no-reply@corp.example>',
        to: 'Élodie <elodie@corp.example>',
        subject: 'Votre résumé du jour',
        text: 'Line one\n.\nLine three with a lone dot above',
      });
      expect(server.received).toHaveLength(1);
      const [mail] = server.received;
      expect(mail.from).toBe('no-reply@corp.example');
      expect(mail.to).toEqual(['elodie@corp.example']);
      expect(mail.auth).toBe('\0digest@corp\0s:cret');
      expect(mail.data).toContain(`Subject: ${headerText('Votre résumé du jour')}`);
      expect(bodyOf(mail)).toBe('Line one\r\n.\r\nLine three with a lone dot above');
    } finally {
      await server.close();
    }
  });

  it('fails clearly when nothing listens', async () => {
    await expect(sendMail('smtp://127.0.0.1:1', { from: 'a@b.c', to: 'd@e.f', subject: 's', text: 't' })).rejects.toThrow();
  });

  it('parses mailboxes and refuses what is not an address', () => {
    expect(addressOf('Ruche <no-reply@corp.example>')).toBe('no-reply@corp.example');
    expect(addressOf('bob@corp.example')).toBe('bob@corp.example');
    expect(() => addressOf('not an address')).toThrow();
  });

  it('keeps headers on one line and encodes non-ASCII', () => {
    expect(headerText('Hello\r\nBcc: evil@x')).toBe('Hello Bcc: evil@x');
    expect(headerText('Résumé')).toBe(`=?UTF-8?B?${Buffer.from('Résumé').toString('base64')}?=`);
    const message = formatMessage({ from: 'a@corp.example', to: 'b@corp.example', subject: 'Hi', text: 'x'.repeat(200) });
    for (const line of message.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
  });
});
