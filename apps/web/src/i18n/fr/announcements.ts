import type { CatalogOf } from '../catalog';
import type { announcements as en } from '../en/announcements';

export const announcements: CatalogOf<typeof en> = {
  'announcements.pinned': 'Annonces à lire',
  'announcements.from': 'De {name}',
  'announcements.group': 'À votre groupe',
  'announcements.ack': 'Marquer comme lu',
  'announcements.acked': '« {title} » marqué comme lu.',
  'announcements.expires': 'Jusqu’au {date}',
  'announcements.receipts.title': 'Accusés de lecture',
  'announcements.receipts.summary': '{read} sur {recipients} l’ont lu ({unread} non lus)',
  'announcements.receipts.byDepartment': 'Par service',
  'announcements.receipts.department': 'Service',
  'announcements.receipts.noDepartment': 'Sans service',
  'announcements.receipts.recipients': 'Destinataires',
  'announcements.receipts.read': 'Lu',
  'announcements.receipts.unread': 'Non lu',
  'announcements.receipts.list.unread': 'Pas encore lu',
  'announcements.receipts.list.read': 'Lu',
  'announcements.receipts.readAt': 'lu le {date}',
  'announcements.receipts.empty': 'Personne ici.',
  'announcements.receipts.more': 'Afficher plus',
  'announcements.remind': 'Relancer les non-lecteurs',
  'announcements.reminded': '{count, plural, =0 {Personne à relancer.} one {# personne relancée.} other {# personnes relancées.}}',
  'announcements.remindedToday': 'Les non-lecteurs ont déjà été relancés aujourd’hui : une relance par jour.',
};
