import type { CatalogOf } from '../catalog';
import type { editor as en } from '../en/editor';

/** La barre de mise en forme Markdown au-dessus des zones de texte (publications, commentaires, questions, réponses). */
export const editor: CatalogOf<typeof en> = {
  'editor.toolbar': 'Mise en forme',
  'editor.bold': 'Gras',
  'editor.italic': 'Italique',
  'editor.link': 'Lien',
  'editor.code': 'Code',
  'editor.list': 'Liste à puces',
  'editor.shortcut': '{label} ({keys})',
  'editor.placeholder.text': 'texte',
  'editor.placeholder.url': 'https://',
  'editor.edited': 'modifié',
  'editor.edit': 'Modifier',
  'editor.delete': 'Supprimer',
  'editor.save': 'Enregistrer',
  'editor.cancel': 'Annuler',
  'editor.confirmDelete': 'Supprimer définitivement ?',
  'editor.history': 'Historique des modifications',
  'editor.historyEmpty': 'Aucune version antérieure.',
  'editor.removeFile': 'Retirer {name}',
  'editor.attach': 'Joindre un fichier',
  'editor.uploads': 'Fichiers en cours d’ajout',
  'editor.uploading': 'Envoi de {name}… {percent} %',
  'editor.uploadFailed': '{name} n’a pas été ajouté : {reason}',
  'editor.saved': 'Enregistré',
  'editor.deleted': 'Supprimé',
  'editor.altLabel': 'Décrire {name} pour les personnes qui ne le voient pas',
  'editor.altPlaceholder': 'Décrire l’image (texte alternatif)',
};
