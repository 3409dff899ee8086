import type { CatalogOf } from '../catalog';
import type { ui as en } from '../en/ui';

export const ui: CatalogOf<typeof en> = {
  'error.generic': 'Un problème est survenu. Veuillez réessayer.',
  'error.network': 'Impossible de joindre Ruche. Vérifiez votre connexion et réessayez.',
  'error.notFound': 'Cette page n’existe pas ou ne vous est pas visible.',
  'error.retry': 'Réessayer',
  'error.fixFields': 'Veuillez corriger les champs signalés.',
  'common.loading': 'Chargement…',
  'common.cancel': 'Annuler',
  'common.save': 'Enregistrer',
  'common.saving': 'Enregistrement…',
  'common.edited': 'modifié',
  'common.backHome': 'Retour au fil d’accueil',
  'form.required': '{field} : ce champ est obligatoire.',
  'time.justNow': 'à l’instant',
};
