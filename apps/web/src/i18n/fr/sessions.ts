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
  // Données personnelles (#15) : une archive, et l’effacement du compte.
  'privacy.export.title': 'Télécharger mes données',
  'privacy.export.intro':
    'Une archive (zip) de tout ce que vous avez écrit, de votre profil et de vos fichiers. Elle est préparée en arrière-plan ; le lien vaut un jour.',
  'privacy.export.request': 'Préparer mon archive',
  'privacy.export.progress': 'Préparation de votre archive : {progress} %',
  'privacy.export.download': 'Télécharger l’archive (jusqu’au {until})',
  'privacy.export.failed': 'L’archive n’a pas pu être préparée. Réessayez.',
  'privacy.erase.title': 'Effacer mon compte',
  'privacy.erase.intro':
    'Définitif : votre nom, votre profil et vos connexions sont effacés, vos mentions deviennent « Former employee », et ce que vous avez écrit est conservé sous ce nom ou supprimé, selon le choix de l’entreprise.',
  'privacy.erase.confirmation': 'Tapez votre identifiant ({handle}) pour confirmer',
  'privacy.erase.password': 'Votre mot de passe (si votre compte en a un)',
  'privacy.erase.submit': 'Effacer mon compte',
};
