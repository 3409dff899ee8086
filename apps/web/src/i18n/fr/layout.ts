import type { CatalogOf } from '../catalog';
import type { layout as en } from '../en/layout';

export const layout: CatalogOf<typeof en> = {
  'app.name': 'Ruche',
  'app.tagline': 'Travaillez en transparence avec vos collègues.',
  'app.skip': 'Aller au contenu',
  'nav.main': 'Principale',
  'nav.home': 'Accueil',
  'nav.profile': 'Mon profil',
  'nav.signOut': 'Se déconnecter',
  'nav.language': 'Langue',
  'live.online': 'En direct',
  'live.connecting': 'Connexion…',
  'live.offline': 'Hors ligne, reconnexion…',
  'nav.groups': 'Groupes',
  'nav.ideas': 'Idées',
  'nav.people': 'Personnes',
  'notFound.title': 'Page introuvable',
  'nav.questions': 'Questions',
  'nav.manage': 'Gérer',
  'nav.mentoring': 'Mentorat',
  'nav.training': 'Formation',
  'nav.announcements': 'Annonces',
  'nav.more': 'Plus',
};
