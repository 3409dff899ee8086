import { localDay } from './digest-emails.js';
import { excerptOf, renderDigest, renderNotification } from './templates.js';

const base = {
  appUrl: 'https://ruche.example',
  unsubscribeUrl: 'https://ruche.example/api/email/unsubscribe?token=t',
};

describe('email templates', () => {
  it('cuts excerpts at a word, on one line', () => {
    expect(excerptOf('  short\n\ntext  ')).toBe('short text');
    const long = excerptOf('word '.repeat(100), 30);
    expect(long.endsWith('…')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long).not.toMatch(/wor…$/);
  });

  it('writes a notification in English or French, escaping what people wrote in the HTML part', () => {
    const model = {
      ...base,
      kind: 'comment',
      actorName: 'Zoé <script>',
      actorCount: 3,
      context: { onYourPost: true },
      excerpt: 'Fish & chips <b>now</b>',
      url: 'https://ruche.example/posts/1',
      replyTo: 'reply+abc@in.example',
    };
    const en = renderNotification({ ...model, locale: 'en' });
    expect(en.subject).toBe('Zoé <script> and 2 others commented on your post');
    expect(en.text).toContain('“Fish & chips <b>now</b>”');
    expect(en.text).toContain('Reply to this email');
    expect(en.html).toContain('Fish &amp; chips &lt;b&gt;now&lt;/b&gt;');
    expect(en.html).not.toContain('<script>');
    const fr = renderNotification({ ...model, locale: 'fr', actorCount: 1, replyTo: null });
    expect(fr.subject).toBe('Zoé <script> a commenté votre publication');
    expect(fr.text).not.toContain('Répondez');
    expect(renderNotification({ ...model, locale: 'en', kind: 'something.new' }).subject).toBe('Something new on Ruche');
  });

  it('dates the digest in the reader’s zone and language', () => {
    const now = new Date('2026-12-06T23:30:00Z');
    const digest = {
      ...base,
      now,
      displayName: 'Léa',
      groups: [],
      questions: [{ title: 'Kotlin?', url: 'https://ruche.example/questions/q', replyTo: 'reply+q@in.example', note: '0 réponse(s)' }],
      ideas: [],
      unread: 2,
    };
    const fr = renderDigest({ ...digest, locale: 'fr', timeZone: 'Asia/Tokyo' });
    expect(fr.subject).toBe('Votre journée sur Ruche — lundi 7 décembre 2026');
    expect(fr.text).toContain('Répondre par e-mail: reply+q@in.example');
    expect(fr.text).toContain('2 notifications non lues.');
    const en = renderDigest({ ...digest, locale: 'en', timeZone: 'America/Los_Angeles' });
    expect(en.subject).toBe('Your day on Ruche — Sunday, 6 December 2026');
    expect(en.html).toContain('href="mailto:reply+q@in.example?subject=Re%3A%20Kotlin%3F"');
    expect(localDay(now, 'Asia/Tokyo')).toBe('2026-12-07');
    expect(localDay(now, 'UTC')).toBe('2026-12-06');
  });
});
