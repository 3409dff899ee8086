import type { CatalogOf } from '../catalog';
import type { analytics as en } from '../en/analytics';

export const analytics: CatalogOf<typeof en> = {
  'analytics.period': 'Période',
  'analytics.from': 'Du',
  'analytics.to': 'Au',
  'analytics.invalid': 'Choisissez une date de début antérieure à la date de fin.',
  'analytics.export': 'Télécharger le CSV',
  'analytics.day': 'Jour',
  'analytics.activeUsers': 'Personnes actives',
  'analytics.posts': 'Publications',
  'analytics.comments': 'Commentaires',
  'analytics.reactions': 'Réactions',
  'analytics.questions': 'Questions',
  'analytics.answers': 'Réponses',
  'analytics.ideas': 'Idées',
  'analytics.votes': 'Votes',
  'analytics.answeredRate': 'Questions résolues',
  'analytics.medianFirstAnswer': 'Délai médian de première réponse',
  'analytics.minutes': '{n} min',
  'analytics.engagementDepth': 'Profondeur d’engagement',
  'analytics.emailsAvoided': 'E-mails évités (estimation)',
  'analytics.ideasLegend': 'Idées : soumises / en évaluation / retenues / mises en œuvre.',
};
