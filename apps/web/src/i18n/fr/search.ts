import type { CatalogOf } from '../catalog';
import type { search as en } from '../en/search';

export const search: CatalogOf<typeof en> = {
  'search.title': 'Recherche',
  'search.titleFor': 'Recherche : {q}',
  'search.whoKnows': 'Qui s’y connaît en « {q} » ?',
  'search.region': 'Rechercher dans Ruche',
  'search.label': 'Chercher des publications, personnes, groupes, idées et questions',
  'search.placeholder': 'Rechercher dans Ruche…',
  'search.show': 'Rechercher',
  'search.hide': 'Fermer la recherche',
  'search.hint':
    'Accents et majuscules ne comptent pas. « Guillemets » pour une expression, -mot pour exclure, or pour l’un ou l’autre.',
  'search.filter': 'Afficher',
  'search.type.all': 'Tout',
  'search.type.post': 'Publications',
  'search.type.person': 'Personnes',
  'search.type.group': 'Groupes',
  'search.type.idea': 'Idées',
  'search.type.question': 'Questions',
  'search.prompt': 'Tapez ce que vous cherchez : un sujet, un collègue, un groupe, une idée ou une question.',
  'search.results': 'Résultats de recherche',
  'search.none': 'Rien ne correspond à « {q} ».',
  'search.count': '{count, plural, =0 {Aucun résultat} one {# résultat} other {# résultats}}',
  'search.more': 'Plus de résultats',
  'search.untitled': '(sans titre)',
};
