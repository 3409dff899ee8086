/**
 * "Ruche demo": a small company spread over Paris, Lyon, London and Montréal. Plain data, read by
 * demo-seed.ts. In post and comment bodies `@{key}` becomes the @handle of that person.
 */

export type ReactionKind = 'like' | 'celebrate' | 'insightful' | 'support';
export type DemoRole = 'innovation' | 'moderator';

export interface DemoPerson {
  displayName: string;
  email: string;
  title: string;
  department: string;
  location: string;
  bio: string;
  skills: string[];
  /** Given by the admin after sign-up (the first person registered is the admin). */
  role?: DemoRole;
}

export const DEMO_PEOPLE = {
  camille: {
    displayName: 'Camille Martin',
    email: 'camille.martin@demo.ruche.example',
    title: 'Head of Innovation',
    department: 'Innovation',
    location: 'Paris',
    bio: "Je pilote les campagnes d'idées et l'adoption de Ruche. Ask me about design sprints and idea campaigns.",
    skills: ['Design thinking', 'Facilitation', 'Stratégie produit', 'Conduite du changement'],
  },
  priya: {
    displayName: 'Priya Patel',
    email: 'priya.patel@demo.ruche.example',
    title: 'Product Designer',
    department: 'Innovation',
    location: 'London',
    bio: 'User research and prototypes. I run the design thinking workshops: come with a problem, leave with a prototype.',
    skills: ['Design thinking', 'User research', 'Figma', 'Prototypage'],
    role: 'innovation',
  },
  lea: {
    displayName: 'Léa Bernard',
    email: 'lea.bernard@demo.ruche.example',
    title: 'Customer Care Lead',
    department: 'Customer Care',
    location: 'Montréal',
    bio: "Responsable de l'équipe support à Montréal. Bilingual support, escalations, and keeping our communities friendly.",
    skills: ['Service client', 'Zendesk', 'Gestion de crise', 'Formation'],
    role: 'moderator',
  },
  thomas: {
    displayName: 'Thomas Dubois',
    email: 'thomas.dubois@demo.ruche.example',
    title: 'Staff Engineer',
    department: 'Engineering',
    location: 'Lyon',
    bio: 'Plateforme, facturation et tout ce qui tourne sur Kubernetes. Toujours partant pour une revue de code.',
    skills: ['Kubernetes', 'TypeScript', 'PostgreSQL', 'Architecture logicielle'],
  },
  james: {
    displayName: "James O'Connor",
    email: 'james.oconnor@demo.ruche.example',
    title: 'Engineering Manager',
    department: 'Engineering',
    location: 'London',
    bio: 'I look after the London engineering teams. Calm on-call, small releases, honest post-mortems.',
    skills: ['TypeScript', 'Kubernetes', 'Mentoring', 'Agile delivery'],
  },
  emily: {
    displayName: 'Emily Chen',
    email: 'emily.chen@demo.ruche.example',
    title: 'Site Reliability Engineer',
    department: 'Engineering',
    location: 'Montréal',
    bio: 'Clusters, alerts and capacity plans. If something pages at night, I want to know why.',
    skills: ['Kubernetes', 'Terraform', 'Observability', 'PostgreSQL'],
  },
  sarah: {
    displayName: 'Sarah Thompson',
    email: 'sarah.thompson@demo.ruche.example',
    title: 'Account Executive',
    department: 'Sales',
    location: 'London',
    bio: 'Enterprise accounts in the UK and Ireland. Happy to help anyone prepare a customer call.',
    skills: ['Négociation', 'Salesforce', 'Public speaking', 'Enterprise sales'],
  },
  julien: {
    displayName: 'Julien Lefèvre',
    email: 'julien.lefevre@demo.ruche.example',
    title: 'Sales Director',
    department: 'Sales',
    location: 'Paris',
    bio: 'Direction commerciale France. Grands comptes, renouvellements et un faible pour les deals bien préparés.',
    skills: ['Négociation', 'Grands comptes', 'Pricing', 'Management'],
  },
  hugo: {
    displayName: 'Hugo Girard',
    email: 'hugo.girard@demo.ruche.example',
    title: 'Customer Success Manager',
    department: 'Customer Care',
    location: 'Lyon',
    bio: "J'accompagne nos clients après la signature : adoption, renouvellements, et beaucoup de café.",
    skills: ['Service client', 'Négociation', 'SQL', 'Onboarding client'],
  },
  ines: {
    displayName: 'Inès Moreau',
    email: 'ines.moreau@demo.ruche.example',
    title: 'HR Business Partner',
    department: 'HR',
    location: 'Paris',
    bio: 'RH pour les équipes Engineering et Innovation. Entretiens annuels, mobilité interne, accueil des nouveaux.',
    skills: ['Onboarding', 'Droit du travail', 'Recrutement', 'Conduite du changement'],
  },
  chloe: {
    displayName: 'Chloé Lambert',
    email: 'chloe.lambert@demo.ruche.example',
    title: 'Talent Acquisition Specialist',
    department: 'HR',
    location: 'Lyon',
    bio: 'Je recrute nos futurs collègues. La cooptation, ça marche : parlez-moi de vos candidats.',
    skills: ['Recrutement', 'Marque employeur', 'Entretiens structurés'],
  },
  oliver: {
    displayName: 'Oliver Smith',
    email: 'oliver.smith@demo.ruche.example',
    title: 'Data Analyst',
    department: 'Innovation',
    location: 'Montréal',
    bio: 'I build the adoption dashboard and size the ideas in our campaigns. Numbers first, opinions second.',
    skills: ['SQL', 'Python', 'Data visualisation', 'Kubernetes'],
  },
} satisfies Record<string, DemoPerson>;

export type PersonKey = keyof typeof DEMO_PEOPLE;

/** Registration order: the first is the admin. */
export const PERSON_KEYS = Object.keys(DEMO_PEOPLE) as PersonKey[];

/** Beyond "everyone follows Camille and their own department": who follows whom across teams. */
export const CROSS_FOLLOWS: [follower: PersonKey, followee: PersonKey][] = [
  ['camille', 'thomas'],
  ['camille', 'lea'],
  ['camille', 'sarah'],
  ['camille', 'ines'],
  ['priya', 'lea'],
  ['priya', 'hugo'],
  ['oliver', 'thomas'],
  ['oliver', 'emily'],
  ['lea', 'thomas'],
  ['lea', 'priya'],
  ['hugo', 'oliver'],
  ['hugo', 'sarah'],
  ['julien', 'lea'],
  ['julien', 'hugo'],
  ['sarah', 'hugo'],
  ['emily', 'oliver'],
  ['james', 'ines'],
  ['chloe', 'james'],
  ['chloe', 'thomas'],
  ['ines', 'julien'],
];

export const ENDORSEMENTS: [endorser: PersonKey, person: PersonKey, skill: string][] = [
  ['james', 'thomas', 'Kubernetes'],
  ['emily', 'thomas', 'Kubernetes'],
  ['oliver', 'thomas', 'Kubernetes'],
  ['james', 'thomas', 'TypeScript'],
  ['thomas', 'emily', 'Kubernetes'],
  ['thomas', 'emily', 'Terraform'],
  ['james', 'emily', 'Observability'],
  ['thomas', 'james', 'TypeScript'],
  ['julien', 'sarah', 'Négociation'],
  ['hugo', 'sarah', 'Négociation'],
  ['sarah', 'julien', 'Négociation'],
  ['hugo', 'lea', 'Service client'],
  ['ines', 'lea', 'Service client'],
  ['lea', 'hugo', 'Service client'],
  ['priya', 'camille', 'Design thinking'],
  ['oliver', 'camille', 'Facilitation'],
  ['camille', 'priya', 'Design thinking'],
  ['lea', 'priya', 'User research'],
  ['chloe', 'ines', 'Onboarding'],
  ['ines', 'chloe', 'Recrutement'],
  ['thomas', 'oliver', 'SQL'],
  ['emily', 'oliver', 'Python'],
];

export interface DemoPost {
  author: PersonKey;
  body: string;
  comments?: [author: PersonKey, body: string][];
  reactions?: Partial<Record<ReactionKind, PersonKey[]>>;
}

/** Oldest first: they are published in this order. */
export const DEMO_POSTS: DemoPost[] = [
  {
    author: 'camille',
    body:
      'Bienvenue sur Ruche ! 🐝 Ici, on échange en ouvert plutôt que par email : posez vos questions, partagez vos réussites, proposez vos idées.\n\n' +
      'Welcome to Ruche: ask in the open, share wins, pitch ideas. @{priya} and @{oliver} are preparing our first idea campaign.',
    comments: [
      ['ines', 'Super initiative, je le présente aux nouveaux arrivants dès lundi.'],
      ['thomas', "Enfin un endroit où les réponses ne meurent pas dans un fil d'emails 🙌"],
      ['sarah', 'Love it. The London team is in.'],
    ],
    reactions: { celebrate: ['priya', 'oliver', 'ines', 'julien', 'lea'], like: ['thomas', 'sarah', 'james', 'hugo'] },
  },
  {
    author: 'thomas',
    body:
      "Post-mortem de l'incident de mardi (latence de l'API) : une requête N+1 dans le service de facturation. Correctif déployé, et @{emily} a ajouté une alerte sur le p99. " +
      'Le détail est dans le wiki, les questions sont bienvenues ici.',
    comments: [
      ['emily', "The p99 alert fires at 800 ms for 5 minutes; happy to tune it if it's too chatty."],
      ['james', "Great write-up. Let's make blameless post-mortems like this the default."],
    ],
    reactions: { insightful: ['james', 'emily', 'oliver'], like: ['camille', 'hugo'] },
  },
  {
    author: 'sarah',
    body: 'Closed the Northwind renewal this morning: 3 years, +20% seats. Huge thanks to @{hugo} for the customer health review that made the case. 🎉',
    comments: [
      ['julien', 'Bravo Sarah ! Beau travail avec le Customer Care.'],
      ['hugo', 'Happy to help, their adoption data did the talking.'],
    ],
    reactions: { celebrate: ['julien', 'hugo', 'camille', 'lea', 'james'], like: ['oliver'] },
  },
  {
    author: 'lea',
    body:
      'Petit rappel : quand un client signale un bug, créez le ticket dans Zendesk avec le lien de la conversation. ' +
      'Ça nous fait gagner un temps fou pour le suivi. Merci ! 🙏',
    comments: [['hugo', 'Et le tag « prioritaire » seulement si le client est vraiment bloqué 😉']],
    reactions: { like: ['hugo', 'sarah', 'julien'], support: ['priya'] },
  },
  {
    author: 'ines',
    body:
      '📣 Les entretiens annuels ouvrent le 2 décembre. Le nouveau guide (plus court, promis) est prêt. ' +
      '@{chloe} et moi tenons une session questions-réponses jeudi à 14h, ou posez vos questions directement ici.',
    comments: [
      ['james', 'Could we get an English version of the guide for the London and Montréal teams?'],
      ['ines', 'Yes: @{chloe} is finishing the translation, it will be up on Friday.'],
    ],
    reactions: { like: ['james', 'thomas', 'camille', 'chloe'] },
  },
  {
    author: 'priya',
    body:
      'Research readout from our customer interviews: the #1 pain point is onboarding, not features. 8 of 12 admins said the first week is where they almost gave up. ' +
      "Slides are in the drive; I'd love input from @{lea} and @{hugo}, you hear this every day.",
    comments: [
      ['lea', 'Complètement d’accord : 40 % de nos tickets du premier mois concernent la configuration initiale.'],
      ['hugo', 'Could we co-run a workshop with a couple of friendly customers?'],
      ['priya', "Yes! Let's plan it for January."],
    ],
    reactions: { insightful: ['camille', 'lea', 'hugo', 'oliver', 'julien'] },
  },
  {
    author: 'emily',
    body:
      'We moved the last staging workloads to the new Kubernetes cluster in Montréal. Deploys are down from 14 to 6 minutes. ' +
      'Next: production, one service at a time. Thanks @{thomas} for the Helm chart clean-up.',
    comments: [['thomas', 'Nice ! Le chart du service de facturation était un vrai musée 😅']],
    reactions: { celebrate: ['thomas', 'james', 'oliver'], like: ['camille'] },
  },
  {
    author: 'julien',
    body:
      "Question aux équipes produit : un grand compte de la distribution demande le SSO avec leur annuaire d'entreprise. " +
      'Quelqu’un a déjà fait ça chez nous ? Je ne veux rien promettre sans être sûr.',
    comments: [
      ['thomas', "Oui, on supporte SAML et OIDC. Je peux rejoindre l'appel avant-vente si besoin."],
      ['julien', "Parfait, je t'envoie une invitation pour mercredi."],
    ],
    reactions: { like: ['sarah', 'thomas'] },
  },
  {
    author: 'oliver',
    body:
      'A data point from the adoption dashboard: weekly active users are up 18% since Customer Care joined Ruche, ' +
      'questions get a first reply in a median of 22 minutes, and email threads on the same topics are down by a third.',
    comments: [
      ['camille', "C'est exactement ce qu'on espérait. Merci Oliver !"],
      ['sarah', '22 minutes beats my inbox by a mile.'],
    ],
    reactions: { insightful: ['camille', 'priya', 'james', 'ines'], celebrate: ['lea'] },
  },
  {
    author: 'chloe',
    body:
      'On recrute ! Trois postes ouverts : développeur·se backend (Lyon), Account Executive (Londres), Customer Care Specialist (Montréal). ' +
      'La cooptation est récompensée. @{thomas} @{sarah} @{lea}, vos équipes ont des candidats en tête ?',
    comments: [
      ['thomas', 'Je relaie dans la communauté Kubernetes de Lyon.'],
      ['lea', "Oui ! Je t'envoie deux profils cet après-midi."],
    ],
    reactions: { support: ['ines', 'james'], like: ['sarah', 'julien'] },
  },
  {
    author: 'james',
    body:
      "Engineering all-hands recap: next quarter we commit to two things, on-call that doesn't burn people out and shipping smaller changes more often. " +
      'Notes are in the wiki; comments and disagreements welcome here.',
    comments: [
      ['emily', 'Strongly in favour of the new on-call rotation.'],
      ['thomas', 'Pour les petites livraisons, on pourrait commencer par des feature flags côté front.'],
    ],
    reactions: { like: ['emily', 'thomas', 'ines'], insightful: ['camille'] },
  },
  {
    author: 'hugo',
    body: "Un client m'a dit aujourd'hui : « votre support est le meilleur de toute notre stack ». Bravo à toute l'équipe de @{lea} 💛",
    comments: [['lea', "Merci Hugo, je transmets à l'équipe !"]],
    reactions: { celebrate: ['lea', 'camille', 'sarah', 'julien'], support: ['ines'] },
  },
  {
    author: 'camille',
    body:
      "Appel à idées 💡 Comment réduire de moitié le temps d'onboarding de nos clients ? Inspired by @{priya}'s research. " +
      'The campaign opens next week: start sketching your ideas, every team is welcome.',
    comments: [
      ['hugo', "J'ai déjà une idée : une checklist interactive dans le produit."],
      ['julien', 'Les Sales ont plein de retours terrain là-dessus, comptez sur nous.'],
      ['oliver', "I'll share the funnel data so ideas can be sized."],
    ],
    reactions: { celebrate: ['priya', 'oliver', 'hugo'], insightful: ['lea', 'james'] },
  },
  {
    author: 'sarah',
    body:
      'Tip for anyone presenting to procurement teams: lead with the risk you remove, not the features you add. ' +
      'It worked three times this quarter. Happy to share my deck template.',
    comments: [['julien', 'Exactement. Et toujours chiffrer le coût de ne rien faire.']],
    reactions: { insightful: ['julien', 'hugo', 'camille'] },
  },
  {
    author: 'thomas',
    body:
      'Astuce TypeScript du jour : activez `noUncheckedIndexedAccess`. Ça pique au début, puis ça attrape de vrais bugs. ' +
      'Sur le service de facturation, trois accès hors limites trouvés en une après-midi.',
    comments: [
      ['james', 'We turned it on in the London services last month. Same experience.'],
      ['oliver', 'Does it help with the data scripts too? Asking for a friend 🐍'],
      ['thomas', 'Pour Python, il faudra demander à mypy 😄'],
    ],
    reactions: { insightful: ['james', 'emily'], like: ['oliver'] },
  },
  {
    author: 'lea',
    body: "We're piloting bilingual French/English support hours in Montréal from Monday, 8am to 8pm ET. If your customers need it, point them to the usual channel.",
    comments: [['ines', 'Très belle initiative pour nos clients québécois.']],
    reactions: { support: ['hugo', 'camille', 'emily'] },
  },
  {
    author: 'ines',
    body:
      'Bienvenue à nos quatre nouveaux arrivants cette semaine ! Pensez à compléter votre profil Ruche (compétences, localisation) : ' +
      "c'est comme ça que vos collègues vous trouveront quand ils chercheront un expert.",
    comments: [['camille', "Et suivez quelques collègues pour remplir votre fil d'actualité 🙂"]],
    reactions: { like: ['chloe', 'camille'], celebrate: ['lea'] },
  },
  {
    author: 'emily',
    body: 'Heads-up: planned database maintenance on Saturday, 6 to 7am ET. Expect a few seconds of read-only mode. @{hugo} @{lea}, anything customer-facing I should know?',
    comments: [
      ['hugo', 'Un client fait sa clôture comptable samedi matin, je le préviens.'],
      ['emily', "Thanks, I'll post an update once it's done."],
    ],
    reactions: { like: ['hugo', 'lea', 'thomas'] },
  },
  {
    author: 'priya',
    body:
      "Design thinking workshop with Customer Care: 2 hours, 40 sticky notes, 3 prototypes. The favourite: a 'first week' checklist customers share with their team. " +
      '@{camille}, this one is heading for the idea campaign.',
    comments: [
      ['camille', "Parfait, on l'ajoute à la campagne dès son ouverture !"],
      ['lea', "L'équipe a adoré l'exercice, merci Priya."],
    ],
    reactions: { celebrate: ['camille', 'lea', 'hugo'], insightful: ['oliver'] },
  },
  {
    author: 'julien',
    body: "Résultats du trimestre : objectif dépassé de 8 %. Merci à toute l'équipe Sales, et au Customer Care pour les renouvellements. 🥂",
    comments: [
      ['sarah', 'What a quarter! 🎉'],
      ['hugo', 'Bravo à tous !'],
    ],
    reactions: { celebrate: ['sarah', 'hugo', 'camille', 'lea', 'ines', 'james'] },
  },
  {
    author: 'oliver',
    body: "Anyone with Kubernetes experience willing to review my first deployment manifest for the analytics job? It's small, but I'd rather learn the right way. cc @{emily}",
    comments: [
      ['emily', 'Sure! Send me the link.'],
      ['thomas', 'Pense aux requests/limits mémoire, c’est le piège classique.'],
    ],
    reactions: { support: ['emily', 'thomas', 'priya'] },
  },
  {
    author: 'chloe',
    body:
      "Nouveau format d'entretien structuré testé sur 10 recrutements : les candidats le trouvent plus clair et nos décisions sont plus rapides " +
      '(5 jours en moyenne au lieu de 9). Je partage la grille à qui la veut.',
    comments: [
      ['james', "Yes please, we'd like to try it for the SRE role."],
      ['ines', 'Bravo Chloé, on le généralise au premier trimestre.'],
    ],
    reactions: { insightful: ['james', 'ines', 'julien'] },
  },
  {
    author: 'james',
    body: 'Shout-out to @{thomas} and @{emily}: zero pages during the Black Friday peak. Capacity planning done right.',
    comments: [
      ['thomas', "Travail d'équipe !"],
      ['emily', 'The load tests paid off.'],
    ],
    reactions: { celebrate: ['thomas', 'emily', 'camille', 'oliver', 'sarah'] },
  },
  {
    author: 'hugo',
    body:
      'Quelqu’un maîtrise la négociation des contrats de support premium ? Un client veut renégocier son SLA et je voudrais préparer l’appel. ' +
      '@{sarah} @{julien} ?',
    comments: [
      ['sarah', "Happy to help, let's do a 30-minute prep call tomorrow."],
      ['julien', 'Ne lâche rien sur les délais de résolution, négocie plutôt le périmètre.'],
    ],
    reactions: { like: ['lea'], support: ['sarah'] },
  },
  {
    author: 'camille',
    body:
      'Merci à toutes et à tous pour ce premier mois sur Ruche : autant de conversations ici qui auraient été des chaînes d’emails. ' +
      'Keep posting in the open; the next idea campaign is coming soon!',
    comments: [
      ['ines', 'Bravo pour le lancement !'],
      ['oliver', 'The numbers agree 📈'],
    ],
    reactions: { celebrate: ['priya', 'oliver', 'ines', 'thomas', 'sarah', 'lea', 'hugo'], like: ['julien', 'chloe'] },
  },
];

export interface DemoGroup {
  owner: PersonKey;
  name: string;
  description: string;
  visibility: 'public' | 'private';
  members: PersonKey[];
  posts: [author: PersonKey, body: string][];
}

/** Communities: two open ones and a confidential project (only its members see it). */
export const DEMO_GROUPS: DemoGroup[] = [
  {
    owner: 'thomas',
    name: 'Cloud & Kubernetes',
    description: 'Everything about our platform: clusters, deployments, incidents and the lessons we learn from them.',
    visibility: 'public',
    members: ['james', 'emily', 'oliver', 'hugo'],
    posts: [
      ['emily', 'Cluster upgrade to the new Kubernetes minor version is planned for Thursday 7 pm. Expect two short blips on the staging ingress.'],
      ['james', 'Tip: `kubectl get events --sort-by=.lastTimestamp` is the fastest way to see why a pod restarts. Saved me twice this week.'],
    ],
  },
  {
    owner: 'lea',
    name: 'Service client Lyon',
    description: "L'équipe du service client de Lyon : astuces, retours clients, et entraide au quotidien.",
    visibility: 'public',
    members: ['hugo', 'ines', 'sarah'],
    posts: [['hugo', "Les clients demandent souvent comment exporter leurs factures : j'ai écrit un pas-à-pas, je le mets dans le wiki ce soir."]],
  },
  {
    owner: 'camille',
    name: 'Projet Atlas (confidentiel)',
    description: 'Préparation du lancement Atlas. Private: only members see this group and its posts.',
    visibility: 'private',
    members: ['priya', 'oliver', 'sarah'],
    posts: [['priya', 'Atlas prototype v2 is ready for the Friday review; pricing options are in the deck @{sarah} shared.']],
  },
];

export interface DemoIdea {
  author: PersonKey;
  title: string;
  body: string;
  voters: PersonKey[];
  comments?: [author: PersonKey, body: string][];
}

/** One open campaign, run by the innovation team, with ideas already gathering votes. */
export const DEMO_CAMPAIGN = {
  runner: 'priya' as PersonKey,
  title: 'Moins d’emails, plus de réponses / Fewer emails, faster answers',
  description:
    'How could we answer customers and colleagues faster without another email thread? Submit your ideas, vote for the ones you would use, and our reviewers will score the top five.',
  topics: ['Service client', 'Productivité', 'Design thinking'],
  criteria: [
    { name: 'Impact', weight: 3 },
    { name: 'Feasibility', weight: 2 },
    { name: 'Cost', weight: 1 },
  ],
  reviewers: ['camille', 'thomas'] as PersonKey[],
  advanceTopN: 5,
  ideas: [
    {
      author: 'hugo',
      title: 'A public FAQ fed by answered questions',
      body: 'Every question answered on Ruche with an accepted answer becomes a FAQ entry customers and colleagues can search.',
      voters: ['lea', 'ines', 'sarah', 'julien', 'emily', 'chloe'],
      comments: [['lea', 'We get the same ten questions every week: this would save hours.']],
    },
    {
      author: 'julien',
      title: 'Weekly digest instead of status emails',
      body: 'Replace the Friday status email with a digest of the week’s posts in each team’s group.',
      voters: ['sarah', 'thomas', 'james'],
    },
    {
      author: 'emily',
      title: 'On-call handover notes as posts',
      body: 'Post the on-call handover in the Cloud & Kubernetes group so the next shift and support can comment.',
      voters: ['thomas', 'james', 'hugo', 'oliver'],
      comments: [['thomas', 'Yes, and tag the incident so we can find it later.']],
    },
  ] as DemoIdea[],
};
