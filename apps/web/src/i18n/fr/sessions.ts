import type { CatalogOf } from '../catalog';
import type { sessions as english } from '../en/sessions';

export const sessions: CatalogOf<typeof english> = {
  'sessions.title': 'Où vous êtes connecté',
  'sessions.intro':
    'Chaque appareil ou navigateur avec lequel vous vous êtes connecté. Déconnectez celui que vous ne reconnaissez pas : il est coupé aussitôt.',
  'sessions.list': 'Vos sessions',
  'sessions.current': 'Cet appareil',
  'sessions.details': '{address} · vu {lastSeen} · connecté {created}',
  'sessions.unknownAddress': 'adresse inconnue',
  'sessions.revoke': 'Déconnecter',
  'sessions.revokeLabel': 'Déconnecter {device}',
  'sessions.revoked': '{device} a été déconnecté.',
  'sessions.revokeOthers': 'Me déconnecter partout ailleurs',
  'sessions.revokedOthers': 'Déconnecté de {count} autres sessions.',
  'sessions.link': 'Où vous êtes connecté',
};
