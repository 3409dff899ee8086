import { MAX_SCANNED, stripReply } from './reply-text.js';

/**
 * A corpus of replies as the common mail programs write them (plain-text parts, as received), in
 * English and French: what the person typed must come out alone, without the quoted history, the
 * signature or the device line.
 */
const corpus: { name: string; mail: string; expected: string }[] = [
  {
    name: 'Gmail (English): attribution, then > quotes',
    mail: `Sounds good, I'll bring the slides.

On Sat, Dec 5, 2026 at 10:12 AM Alice Martin <alice@corp.example> wrote:

> Can someone present on Monday?
> Thanks
`,
    expected: "Sounds good, I'll bring the slides.",
  },
  {
    name: 'Gmail (English): attribution wrapped over two lines',
    mail: `Yes, count me in.

On Sat, Dec 5, 2026 at 10:12 AM Alice Martin-Dubois <
alice.martin-dubois@corp.example> wrote:
> Who is coming?
`,
    expected: 'Yes, count me in.',
  },
  {
    name: 'Gmail (French): « Le … a écrit : »',
    mail: `Merci, je regarde ça demain.

Le sam. 5 déc. 2026 à 10:12, Alice Martin <alice@corp.example> a écrit :

> Peux-tu relire le document ?
`,
    expected: 'Merci, je regarde ça demain.',
  },
  {
    name: 'Thunderbird (French), wrapped attribution',
    mail: `D'accord pour jeudi.

Le 05/12/2026 à 10:12, Alice Martin
a écrit :
> On se voit jeudi ?
`,
    expected: "D'accord pour jeudi.",
  },
  {
    name: 'Thunderbird (English)',
    mail: `Fixed in the latest build.

On 05/12/2026 10:12, Alice Martin wrote:
> The export fails on large files.
`,
    expected: 'Fixed in the latest build.',
  },
  {
    name: 'Apple Mail (English), with Sent from my iPhone',
    mail: `Great idea, +1

Sent from my iPhone

> On 5 Dec 2026, at 10:12, Alice Martin <alice@corp.example> wrote:
>
> What about a shared calendar?
`,
    expected: 'Great idea, +1',
  },
  {
    name: 'Apple Mail (French), « Envoyé de mon iPhone »',
    mail: `Bonne idée !

Envoyé de mon iPhone

> Le 5 déc. 2026 à 10:12, Alice Martin <alice@corp.example> a écrit :
>
> Et un calendrier partagé ?
`,
    expected: 'Bonne idée !',
  },
  {
    name: 'Outlook (English): rule and header block, no > quotes',
    mail: `The numbers are in the team folder.

Bob

________________________________
From: Alice Martin <alice@corp.example>
Sent: Saturday, December 5, 2026 10:12 AM
To: Bob Durand <bob@corp.example>
Subject: Q4 numbers

Where are the Q4 numbers?
`,
    expected: 'The numbers are in the team folder.\n\nBob',
  },
  {
    name: 'Outlook (French): « De : … Envoyé : … » without an address',
    mail: `Je m'en occupe.

De : Alice Martin
Envoyé : samedi 5 décembre 2026 10:12
À : Bob Durand
Objet : Chiffres T4

Où sont les chiffres du T4 ?
`,
    expected: "Je m'en occupe.",
  },
  {
    name: 'Outlook (French) with bracketed address and « Télécharger Outlook pour iOS »',
    mail: `Vu, merci.

Télécharger Outlook pour iOS<https://aka.ms/o0ukef>
________________________________
De : Alice Martin <alice@corp.example>
Envoyé : samedi 5 décembre 2026 10:12
`,
    expected: 'Vu, merci.',
  },
  {
    name: 'Outlook (English): -----Original Message-----',
    mail: `Approved.

-----Original Message-----
From: Alice Martin [mailto:alice@corp.example]
Sent: Saturday, December 5, 2026 10:12 AM
Please approve the budget.
`,
    expected: 'Approved.',
  },
  {
    name: 'Outlook (French): « -----Message d’origine----- »',
    mail: `Validé.

-----Message d'origine-----
De : Alice Martin [mailto:alice@corp.example]
Envoyé : samedi 5 décembre 2026 10:12
Merci de valider le budget.
`,
    expected: 'Validé.',
  },
  {
    name: '"-- " signature block',
    mail: `I can help with the migration.

-- 
Bob Durand
Platform team | +33 1 23 45 67 89
`,
    expected: 'I can help with the migration.',
  },
  {
    name: 'signature then quoted history',
    mail: `Merci pour le partage.
--
Bob
Équipe plateforme

Le sam. 5 déc. 2026 à 10:12, Alice <alice@corp.example> a écrit :
> Voici le compte rendu.
`,
    expected: 'Merci pour le partage.',
  },
  {
    name: 'several paragraphs are kept, with their blank lines',
    mail: `First point: the deadline moves to Friday.

Second point: Carol joins the project.

On Sat, Dec 5, 2026 at 10:12 AM Alice <alice@corp.example> wrote:
> Any news?
`,
    expected: 'First point: the deadline moves to Friday.\n\nSecond point: Carol joins the project.',
  },
  {
    name: 'CRLF line ends (as on the wire)',
    mail: 'Noted.\r\n\r\nOn Sat, Dec 5, 2026 at 10:12 AM Alice <alice@corp.example> wrote:\r\n> Please note.\r\n',
    expected: 'Noted.',
  },
  {
    name: 'a reply with no history at all stays whole',
    mail: `Just a plain message,
on two lines.`,
    expected: 'Just a plain message,\non two lines.',
  },
  {
    name: 'a line that merely starts with "On" or "Le" is kept',
    mail: `On Monday we ship.
Le lundi, on livre.`,
    expected: 'On Monday we ship.\nLe lundi, on livre.',
  },
];

describe('stripReply: quoted history and signatures', () => {
  it.each(corpus)('$name', ({ mail, expected }) => {
    expect(stripReply(mail)).toBe(expected);
  });

  it('answers "" for a message that is nothing but history', () => {
    expect(stripReply('On Sat, Dec 5, 2026 at 10:12 AM Alice <alice@corp.example> wrote:\n> hello\n')).toBe('');
  });

  it('reads no further than MAX_SCANNED characters', () => {
    const huge = 'a'.repeat(MAX_SCANNED + 5_000);
    expect(stripReply(huge)).toHaveLength(MAX_SCANNED);
  });
});
