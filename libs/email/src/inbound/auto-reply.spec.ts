import { isAutoReply } from './auto-reply.js';

const headers = (entries: Record<string, string>) => (name: string) => entries[name];

describe('isAutoReply', () => {
  it.each([
    ['Auto-Submitted: auto-replied', { 'auto-submitted': 'auto-replied' }, 'Re: the plan'],
    ['Auto-Submitted: auto-generated', { 'auto-submitted': 'Auto-Generated' }, 'Re: the plan'],
    ['X-Autoreply', { 'x-autoreply': 'yes' }, 'Re: the plan'],
    ['X-Autorespond', { 'x-autorespond': '' }, 'Re: the plan'],
    ['Precedence: bulk', { precedence: 'bulk' }, 'Re: the plan'],
    ['Precedence: auto_reply', { precedence: 'auto_reply' }, 'Re: the plan'],
    ['Precedence: junk', { precedence: 'junk' }, 'Re: the plan'],
    ['Outlook "Automatic reply:"', {}, 'Automatic reply: the plan'],
    ['"Out of Office"', {}, 'Out of Office: back on the 12th'],
    ['"Autoreply"', {}, 'Autoreply: the plan'],
    ['« Réponse automatique »', {}, 'Réponse automatique : le plan'],
    ['« Absent du bureau »', {}, 'Absent du bureau jusqu’au 12'],
    ['« Absence »', {}, 'Absence : retour le 12'],
    ['« En congés »', {}, 'En congés jusqu’au 4 janvier'],
  ])('%s is an auto-reply', (_name, entries, subject) => {
    expect(isAutoReply(headers(entries), subject)).not.toBeNull();
  });

  it.each([
    ['a plain reply', {}, 'Re: the plan'],
    ['Auto-Submitted: no', { 'auto-submitted': 'no' }, 'Re: the plan'],
    ['Outlook’s X-Auto-Response-Suppress (set on people’s mail)', { 'x-auto-response-suppress': 'All' }, 'Re: the plan'],
    ['Precedence: first-class', { precedence: 'first-class' }, 'Re: office move'],
    ['a subject about the office', {}, 'Re: the new office opens Monday'],
    ['no subject', {}, undefined],
  ])('%s is not', (_name, entries, subject) => {
    expect(isAutoReply(headers(entries), subject)).toBeNull();
  });
});
