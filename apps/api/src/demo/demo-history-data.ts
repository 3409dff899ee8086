/**
 * The demo company's six weeks of history (#16): plain data, played by demo-history.ts. Days count
 * from the company's first day (day 0, six weeks ago); `@{key}` becomes that person's @handle.
 * Who comments and reacts on the posts below is drawn by a seeded generator, so every start tells
 * the same story.
 */
import type { DemoPerson, PersonKey } from './demo-company.js';

export interface NewHire extends DemoPerson {
  /** The day they sign up; from then on they read, reply and react like everyone. */
  joinDay: number;
  /** Public communities they join on their first day. */
  groups: string[];
}

/**
 * People who join along the way. They also bring Engineering and Customer Care to five people,
 * the smallest department the analytics show on its own (SMALLEST_DEPARTMENT).
 */
export const NEW_HIRES = {
  lucas: {
    displayName: 'Lucas Petit',
    email: 'lucas.petit@demo.ruche.example',
    title: 'Backend Engineer',
    department: 'Engineering',
    location: 'Lyon',
    bio: 'Facturation et API. Arrivé de Nantes, fan de PostgreSQL et de vélo.',
    skills: ['PostgreSQL', 'TypeScript', 'SQL'],
    joinDay: 17,
    groups: ['Cloud & Kubernetes'],
  },
  aisha: {
    displayName: 'Aisha Khan',
    email: 'aisha.khan@demo.ruche.example',
    title: 'Platform Engineer',
    department: 'Engineering',
    location: 'London',
    bio: 'Infrastructure as code and developer tooling. Ask me about Terraform modules.',
    skills: ['Terraform', 'Kubernetes', 'Python'],
    joinDay: 19,
    groups: ['Cloud & Kubernetes'],
  },
  nora: {
    displayName: 'Nora Tremblay',
    email: 'nora.tremblay@demo.ruche.example',
    title: 'Support Specialist',
    department: 'Customer Care',
    location: 'Montréal',
    bio: 'Support bilingue, clients entreprise. Toujours une playlist pour les journées chargées.',
    skills: ['Service client', 'Zendesk'],
    joinDay: 25,
    groups: [],
  },
  malik: {
    displayName: 'Malik Benali',
    email: 'malik.benali@demo.ruche.example',
    title: 'Support Specialist',
    department: 'Customer Care',
    location: 'Montréal',
    bio: 'Premier niveau et escalades. J’aime les tickets qui finissent par un merci.',
    skills: ['Service client', 'SQL'],
    joinDay: 25,
    groups: [],
  },
  sophie: {
    displayName: 'Sophie Roux',
    email: 'sophie.roux@demo.ruche.example',
    title: 'Customer Success Manager',
    department: 'Customer Care',
    location: 'Lyon',
    bio: 'Grands comptes de la région lyonnaise, adoption et renouvellements.',
    skills: ['Onboarding client', 'Négociation'],
    joinDay: 20,
    groups: ['Service client Lyon'],
  },
} satisfies Record<string, NewHire>;

export type HireKey = keyof typeof NEW_HIRES;
/** Anyone in the demo company, there from the start or hired since. */
export type Who = PersonKey | HireKey;

export interface HistoryPost {
  day: number;
  author: Who;
  body: string;
  /** A group of DEMO_GROUPS, by name; none: the company feed. */
  group?: string;
}

export const HISTORY_POSTS: HistoryPost[] = [
  {
    day: 15,
    author: 'emily',
    body: 'Post-mortem of Tuesday’s API latency spike is up: a missing index on the invoices table. Fixed, and we added an alert on slow queries. Questions welcome.',
  },
  {
    day: 15,
    author: 'chloe',
    body: 'Nous recrutons deux développeurs backend à Lyon ! Si vous connaissez quelqu’un, la cooptation est ouverte jusqu’à fin du mois. @{thomas} fera les entretiens techniques.',
  },
  {
    day: 16,
    author: 'sarah',
    body: 'Closed the renewal with our largest UK retail customer this morning 🎉 Huge thanks to @{hugo} for the onboarding plan they loved.',
  },
  {
    day: 17,
    author: 'ines',
    body: 'Rappel : les entretiens annuels commencent lundi. Le guide manager est dans le groupe RH, et je tiens une permanence jeudi à 14 h.',
  },
  {
    day: 17,
    author: 'oliver',
    body: 'Adoption update: 9 of 12 of us posted something this month, and questions get a first answer in under two hours on average. Dashboard link in my profile.',
  },
  {
    day: 18,
    author: 'james',
    body: 'London engineering offsite is booked for the 14th. Agenda: on-call rotation, release trains, and one hour of pure demo time. Ideas for topics?',
  },
  {
    day: 19,
    author: 'lea',
    body: 'Nouveau record : 94 % de satisfaction client au support ce mois-ci. Bravo à toute l’équipe de Montréal et de Lyon 👏',
  },
  {
    day: 20,
    author: 'julien',
    body: 'Pricing workshop next week with @{sarah} and @{oliver}: we want to simplify the enterprise tiers. Send me the objections you hear most from customers.',
  },
  {
    day: 22,
    author: 'thomas',
    body: 'On a migré la facturation sur le nouveau cluster sans interruption. Merci @{emily} pour le plan de bascule, nickel.',
  },
  {
    day: 22,
    author: 'priya',
    body: 'Design sprint recap: five days, three prototypes, one clear winner for the new onboarding flow. Photos and the Figma file in the Innovation group.',
  },
  {
    day: 23,
    author: 'hugo',
    body: 'Astuce du jour : dans Zendesk, les macros partagées nous font gagner 10 minutes par ticket complexe. Je vous montre jeudi ?',
  },
  {
    day: 24,
    author: 'camille',
    body: 'New campaign open: "Un bureau plus vert / A greener office". Submit your ideas to cut waste and energy in our four offices — the best ones get a budget.',
  },
  {
    day: 25,
    author: 'emily',
    body: 'Capacity plan for Q3 is done: we can absorb twice the traffic with 30 % more nodes. The interesting part is the database, not the pods.',
  },
  { day: 26, author: 'chloe', body: 'Welcome to Nora and Malik who joined Customer Care in Montréal this week! Say hi 👋' },
  {
    day: 27,
    author: 'sarah',
    body: 'Customer call prep tip: read their last three support tickets before the call. They always come up, and knowing them changes the conversation.',
  },
  {
    day: 29,
    author: 'oliver',
    body: 'I rebuilt the churn model with last quarter’s data. Accounts that open fewer than 3 tickets in their first month churn twice as often. Onboarding matters.',
  },
  {
    day: 29,
    author: 'thomas',
    body: 'Revue d’architecture jeudi : on décide si on découpe le service de facturation. Avis bienvenus, même (surtout) les contre.',
  },
  {
    day: 30,
    author: 'lea',
    body: 'We are testing bilingual macros in Montréal: same answer, French and English in one reply. Early feedback from customers is very positive.',
  },
  {
    day: 31,
    author: 'julien',
    body: 'Q2 numbers: Paris +18 %, London +12 %. Merci à tous, et en particulier à @{lea} dont l’équipe a sauvé deux renouvellements difficiles.',
  },
  {
    day: 32,
    author: 'james',
    body: 'We moved to weekly release trains two sprints ago. Fewer hotfixes, calmer on-call, and nobody misses the Friday deploys.',
  },
  {
    day: 33,
    author: 'ines',
    body: 'La mobilité interne est ouverte : trois postes en Innovation et un en Data. Parlez-en à votre manager ou écrivez-moi directement.',
  },
  {
    day: 34,
    author: 'priya',
    body: 'User interviews this week: 8 customers, same pain point — finding the right person to ask. That is exactly what our expert routing should solve.',
  },
  {
    day: 36,
    author: 'hugo',
    body: 'Retour client du jour : « Votre équipe répond plus vite que notre propre service informatique. » On prend 😄 #support',
  },
  {
    day: 36,
    author: 'camille',
    body: 'Three things I learned running four idea campaigns: keep them short, show every decision, and celebrate the implemented ideas loudly. #innovation',
  },
  {
    day: 37,
    author: 'emily',
    body: 'Game day on Thursday: we will kill a database replica on purpose at 3 pm and watch what happens. Support, you will get a heads-up first. #gameday #reliability',
  },
  {
    day: 38,
    author: 'sarah',
    body: 'Anyone has a good one-pager about our security certifications? Two prospects asked this week and I want to send the latest version. #security',
  },
  {
    day: 39,
    author: 'oliver',
    body: 'Fun fact from the analytics: Tuesday is our most active day, and the Montréal team answers the most questions after 4 pm Paris time. #analytics',
  },
  {
    day: 27,
    author: 'lucas',
    body: 'Première semaine terminée ! Merci pour l’accueil, et merci @{thomas} pour mon premier déploiement dès le premier jour 🚀',
  },
  {
    day: 37,
    author: 'nora',
    body: 'Our bilingual macros are live for all of Montréal support. First week: 40 % fewer follow-up questions from customers. #support',
  },
  {
    day: 40,
    author: 'chloe',
    body: 'Le programme de parrainage des nouveaux arrivants démarre : chaque nouvel embauché aura un parrain hors de son équipe. Volontaires ? #onboarding',
  },
  {
    day: 40,
    author: 'thomas',
    body: 'Decision: we split billing into two services, starting next sprint. Notes from the architecture review are in the Cloud & Kubernetes group. #architecture',
  },
  // Communities
  {
    day: 18,
    author: 'emily',
    group: 'Cloud & Kubernetes',
    body: 'Staging cluster upgraded. One surprise: the ingress annotations changed names. Migration notes pinned here.',
  },
  {
    day: 25,
    author: 'oliver',
    group: 'Cloud & Kubernetes',
    body: 'Has anyone tried the new autoscaler profiles? My batch jobs would love to scale to zero at night.',
  },
  {
    day: 33,
    author: 'thomas',
    group: 'Cloud & Kubernetes',
    body: 'Architecture review notes: billing becomes two services (invoicing, payments), one database each. Migration plan next week.',
  },
  {
    day: 39,
    author: 'james',
    group: 'Cloud & Kubernetes',
    body: 'On-call handover: quiet week, one disk alert on the logging nodes (resized). Next shift: @{emily}. #oncall',
  },
  {
    day: 20,
    author: 'lea',
    group: 'Service client Lyon',
    body: 'Nouvelle procédure pour les remboursements : validation par le responsable au-delà de 500 €. Le pas-à-pas est dans le wiki.',
  },
  {
    day: 28,
    author: 'ines',
    group: 'Service client Lyon',
    body: 'Formation « gestion des appels difficiles » le 12 : il reste quatre places, inscrivez-vous ici en commentaire.',
  },
  {
    day: 35,
    author: 'hugo',
    group: 'Service client Lyon',
    body: 'Les exports de factures fonctionnent à nouveau depuis ce matin. Merci à l’équipe de Thomas pour la correction rapide.',
  },
  {
    day: 21,
    author: 'sarah',
    group: 'Projet Atlas (confidentiel)',
    body: 'Atlas pricing: the two customers I tested it with both preferred the per-team plan. Deck updated.',
  },
  {
    day: 30,
    author: 'oliver',
    group: 'Projet Atlas (confidentiel)',
    body: 'Atlas forecast: break-even in 14 months with the per-team plan, 20 with per-seat. Sheet in the shared folder.',
  },
  {
    day: 37,
    author: 'camille',
    group: 'Projet Atlas (confidentiel)',
    body: 'Atlas launch date confirmed with the board: we announce it to the company in three weeks. Until then, it stays in this group.',
  },
];

/** Replies drawn for the posts above (each post gets one to four, by other people). */
export const COMMENT_POOL: string[] = [
  'Merci pour le partage, très utile !',
  'Great news, well done everyone.',
  'Je relaie à mon équipe.',
  'Could you share the slides?',
  'Bravo ! 👏',
  'Interesting — how did you measure it?',
  'On en parle à la prochaine réunion ?',
  'This will save us a lot of time.',
  'Super initiative, je suis partant.',
  'Thanks, bookmarking this.',
  'Quelle bonne nouvelle 🎉',
  'Happy to help if you need a hand.',
  'Est-ce que ça s’applique aussi à Montréal ?',
  'Love it. Count me in.',
  'Je confirme, on a vu la même chose côté client.',
  'Nice work, the numbers speak for themselves.',
];

export interface HistoryQuestion {
  day: number;
  asker: Who;
  title: string;
  body: string;
  topics: string[];
  /** Answers, each a few hours after the previous one. */
  answers: [author: Who, body: string][];
  /** Index of the answer the asker accepts; none: still open. */
  accepted?: number;
  /** Who upvotes the first answer. */
  upvoters?: Who[];
}

export const HISTORY_QUESTIONS: HistoryQuestion[] = [
  {
    day: 15,
    asker: 'oliver',
    title: 'How do I get read access to the production replica for analytics?',
    body: 'I need to run a few heavy queries for the adoption dashboard without touching the primary.',
    topics: ['PostgreSQL'],
    answers: [
      ['emily', 'Ask in the Cloud & Kubernetes group: we give a read-only role on the analytics replica, valid 90 days.'],
      ['thomas', 'And add `statement_timeout` to your session, the replica is shared.'],
    ],
    accepted: 0,
    upvoters: ['thomas', 'james'],
  },
  {
    day: 17,
    asker: 'hugo',
    title: 'Comment négocier une remise sans brader le renouvellement ?',
    body: 'Un client demande 20 % de remise pour renouveler sur trois ans. Quelles contreparties demander ?',
    topics: ['Négociation'],
    answers: [
      [
        'julien',
        'Jamais de remise sans contrepartie : durée, volume, ou étude de cas publique. Proposez 10 % contre un engagement de 3 ans.',
      ],
      ['sarah', 'Ask them what the discount is for: often it is a budget timing problem, and a payment schedule solves it.'],
    ],
    accepted: 0,
    upvoters: ['sarah', 'lea'],
  },
  {
    day: 19,
    asker: 'chloe',
    title: 'What is the best way to structure a technical interview?',
    body: 'We want the same interview for every backend candidate. Any template?',
    topics: ['Recrutement'],
    answers: [
      ['ines', 'Utilise la grille d’entretien structuré dans le dossier RH : 4 compétences, une note de 1 à 4 chacune.'],
      ['thomas', 'One real task from our codebase, simplified. Candidates prefer it to puzzles.'],
    ],
    accepted: 1,
    upvoters: ['james'],
  },
  {
    day: 21,
    asker: 'sarah',
    title: 'Which Kubernetes features should I mention to a bank prospect?',
    body: 'Their architects ask about isolation between customers. What can I say safely?',
    topics: ['Kubernetes'],
    answers: [['thomas', 'Separate namespaces per customer, network policies, and encryption at rest. Happy to join the call.']],
    accepted: 0,
    upvoters: ['emily', 'julien'],
  },
  {
    day: 23,
    asker: 'lea',
    title: 'Comment former rapidement un nouvel agent au support ?',
    body: 'Deux arrivées la semaine prochaine, et peu de temps pour les former.',
    topics: ['Formation'],
    answers: [['hugo', 'Binôme pendant 3 jours, puis les tickets de niveau 1 seulement avec relecture. Ça marche bien à Lyon.']],
    accepted: 0,
  },
  {
    day: 26,
    asker: 'james',
    title: 'Terraform state: one per team or one per environment?',
    body: 'Our single state file takes 6 minutes to plan. Time to split it — but how?',
    topics: ['Terraform'],
    answers: [
      ['emily', 'Per environment and per layer (network, data, apps). Teams own app layers only.'],
      ['oliver', 'We did per team at my last job and regretted it: cross-team changes became painful.'],
    ],
    upvoters: ['thomas'],
  },
  {
    day: 28,
    asker: 'priya',
    title: 'Any tips for running a remote design thinking workshop?',
    body: 'Half the group will be in Montréal, half in Paris. Six hours of time difference.',
    topics: ['Design thinking'],
    answers: [['camille', 'Two short sessions on two days instead of one long one, and a shared board prepared in advance.']],
    accepted: 0,
    upvoters: ['chloe', 'lea'],
  },
  {
    day: 31,
    asker: 'ines',
    title: 'Quelle est la règle pour le télétravail depuis l’étranger ?',
    body: 'Un collaborateur veut travailler deux semaines depuis le Portugal.',
    topics: ['Droit du travail'],
    answers: [['chloe', 'Jusqu’à 20 jours par an avec accord du manager, au-delà il faut l’avis du service juridique.']],
  },
  {
    day: 34,
    asker: 'emily',
    title: 'How do we alert on replication lag without paging at night?',
    body: 'The replica lags a few seconds during nightly batch jobs; it pages every time.',
    topics: ['Observability', 'PostgreSQL'],
    answers: [
      ['thomas', 'Alert on lag sustained over 10 minutes, and silence the batch window. Lag during batches is expected.'],
    ],
    accepted: 0,
    upvoters: ['james', 'oliver'],
  },
  // Still open: routed to the experts on their topics, nobody has answered yet.
  {
    day: 30,
    asker: 'malik',
    title: 'Où trouver la liste des clients prioritaires ?',
    body: 'Pour savoir quels tickets escalader en premier.',
    topics: ['Service client'],
    answers: [
      ['lea', 'Dans Zendesk, vue « Comptes stratégiques ». Je t’ajoute les droits.'],
      ['sophie', 'Et pour Lyon, je tiens la liste à jour chaque lundi.'],
    ],
    accepted: 0,
    upvoters: ['nora', 'hugo'],
  },
  {
    day: 32,
    asker: 'aisha',
    title: 'Is there a shared Terraform module for our databases?',
    body: 'I would rather not write the tenth copy of the same PostgreSQL setup.',
    topics: ['Terraform', 'PostgreSQL'],
    answers: [
      ['emily', 'Yes: modules/postgres in the infra repo, with backups and alerts wired in.'],
      ['lucas', 'I used it last week for billing, it works well.'],
    ],
    accepted: 0,
    upvoters: ['thomas'],
  },
  {
    day: 38,
    asker: 'hugo',
    title: 'Which SQL query gives the customers without any login this month?',
    body: 'For the adoption follow-up calls.',
    topics: ['SQL'],
    answers: [],
  },
  {
    day: 39,
    asker: 'julien',
    title: 'Who has a good deck about our Salesforce integration?',
    body: 'A prospect wants to see how it syncs opportunities.',
    topics: ['Salesforce'],
    answers: [],
  },
  {
    day: 40,
    asker: 'lea',
    title: 'Qui peut animer un atelier design thinking pour le support ?',
    body: 'Nous voulons repenser le parcours des escalades avec l’équipe de Montréal.',
    topics: ['Design thinking'],
    answers: [],
  },
  {
    day: 40,
    asker: 'chloe',
    title: 'Comment présenter la marque employeur sur un salon étudiant ?',
    body: 'Premier salon à Lyon en septembre.',
    topics: ['Marque employeur'],
    answers: [],
  },
];

/** Follows made along the way (the first day's are in DEMO_PEOPLE's departments and CROSS_FOLLOWS). */
export const LATER_FOLLOWS: [day: number, follower: Who, followee: Who][] = [
  [16, 'hugo', 'emily'],
  [19, 'sarah', 'oliver'],
  [24, 'thomas', 'priya'],
  [27, 'lea', 'oliver'],
  [32, 'julien', 'emily'],
  [36, 'ines', 'priya'],
];

export interface HistoryAnnouncement {
  day: number;
  title: string;
  body: string;
  /** Who reads and acknowledges it, one every few hours. */
  acks: Who[];
}

/** Company-wide announcements, by the admin. */
export const HISTORY_ANNOUNCEMENTS: HistoryAnnouncement[] = [
  {
    day: 16,
    title: 'Nouvelle politique de voyages / New travel policy',
    body: 'From next month, trains under 4 hours replace flights between our offices. Details on the HR page. / Les trains de moins de 4 h remplacent l’avion entre nos bureaux.',
    acks: ['thomas', 'ines', 'julien', 'sarah', 'lea', 'hugo', 'priya', 'oliver', 'chloe'],
  },
  {
    day: 35,
    title: 'Security training due by the end of the month',
    body: 'Everyone completes the 30-minute security awareness module. It is in Training paths. Merci !',
    acks: ['emily', 'james', 'thomas', 'priya', 'hugo'],
  },
];

export interface HistoryIdea {
  author: Who;
  title: string;
  body: string;
  voters: Who[];
  comment?: [author: Who, body: string];
}

export interface HistoryCampaign {
  title: string;
  description: string;
  topics: string[];
  reviewers: Who[];
  advanceTopN: number;
  /** Days it opens, advances to review, and closes; none: stays in the phase before. */
  openDay?: number;
  advanceDay?: number;
  closeDay?: number;
  ideas: HistoryIdea[];
  /** Which ideas (by index) are reviewed by every reviewer while in review. */
  reviewed: number[];
  /** Decisions on ideas in review: index, decision, rationale. */
  decisions: [idea: number, status: 'selected' | 'rejected', rationale: string][];
  /** A selected idea carried out: its implementation owner, progress, and whether it is done. */
  implementation?: { idea: number; owner: Who; progress: number; implemented: boolean };
}

/** One campaign per phase beyond the open one in DEMO_CAMPAIGN: closed, in review, and a draft. */
export const HISTORY_CAMPAIGNS: HistoryCampaign[] = [
  {
    title: 'Onboarding 2.0 : les premiers jours / the first days',
    description: 'How should a new colleague’s first two weeks look? Ideas that make newcomers productive and welcome, faster.',
    topics: ['Onboarding', 'Conduite du changement'],
    reviewers: ['camille', 'ines'],
    advanceTopN: 3,
    openDay: 15,
    advanceDay: 22,
    closeDay: 27,
    ideas: [
      {
        author: 'chloe',
        title: 'A buddy outside your team',
        body: 'Every newcomer gets a buddy from another department for their first month.',
        voters: ['ines', 'lea', 'hugo', 'sarah', 'james', 'priya', 'oliver'],
        comment: ['ines', 'On peut démarrer avec les volontaires du groupe RH.'],
      },
      {
        author: 'thomas',
        title: 'Ship something on day one',
        body: 'A tiny, real change deployed on the first day, with a mentor. Engineers remember it.',
        voters: ['emily', 'james', 'oliver', 'camille', 'julien'],
      },
      {
        author: 'lea',
        title: 'Des questions fréquentes pour les nouveaux',
        body: 'Une liste des questions de nouveaux arrivants déjà répondues sur Ruche, à lire la première semaine.',
        voters: ['hugo', 'chloe', 'ines', 'sarah'],
      },
      {
        author: 'julien',
        title: 'Lunch with a director',
        body: 'Each newcomer has lunch with a director in their first month.',
        voters: ['sarah'],
      },
    ],
    reviewed: [0, 1, 2],
    decisions: [
      [0, 'selected', 'Cheap, liked by everyone, and HR can run it from next month.'],
      [1, 'selected', 'Good for engineers; we pilot it in Lyon first.'],
      [2, 'rejected', 'Already covered: the answered questions are searchable, we will link them from the welcome post instead.'],
    ],
    implementation: { idea: 0, owner: 'chloe', progress: 100, implemented: true },
  },
  {
    title: 'Un bureau plus vert / A greener office',
    description: 'Cut waste and energy in our four offices. The best ideas get a budget this year.',
    topics: ['RSE', 'Facilities'],
    reviewers: ['camille', 'oliver'],
    advanceTopN: 2,
    openDay: 24,
    advanceDay: 35,
    ideas: [
      {
        author: 'emily',
        title: 'Turn off staging environments at night',
        body: 'Half our cloud bill is staging running at night. Schedule it off from 9 pm to 7 am.',
        voters: ['thomas', 'james', 'oliver', 'priya', 'hugo', 'camille'],
        comment: ['thomas', 'Easy win, I can do Lyon’s clusters this week.'],
      },
      {
        author: 'hugo',
        title: 'Plus de gobelets jetables',
        body: 'Une tasse Ruche pour chacun, et plus de gobelets dans les bureaux.',
        voters: ['lea', 'ines', 'chloe', 'sarah'],
      },
      {
        author: 'sarah',
        title: 'Train first for customer visits',
        body: 'Prefer trains for customer visits under 5 hours, and track the CO₂ saved.',
        voters: ['julien', 'oliver'],
      },
    ],
    reviewed: [0],
    decisions: [],
  },
  {
    title: 'Hackathon 2027',
    description: 'Two days to build anything that helps our customers or colleagues. Teams mix departments.',
    topics: ['Innovation'],
    reviewers: ['thomas', 'priya'],
    advanceTopN: 5,
    ideas: [],
    reviewed: [],
    decisions: [],
  },
];
