import type { CatalogOf } from '../catalog';
import type { push as en } from '../en/push';

export const push: CatalogOf<typeof en> = {
  'push.title': 'Notifications sur cet appareil',
  'push.insecure': 'Les notifications push demandent une connexion sécurisée (https). Demandez à votre administrateur de servir Ruche en https ; tout le reste fonctionne tel quel.',
  'push.unsupported': 'Ce navigateur ne peut pas recevoir de notifications push. Ruche les affiche toujours ici et, si vous l’avez choisi, par e-mail.',
  'push.onHere': 'Le push est activé pour ce navigateur.',
  'push.offHere': 'Le push est désactivé pour ce navigateur.',
  'push.devices': '{count, plural, =0 {Aucun de vos navigateurs ne reçoit de push.} one {# de vos navigateurs reçoit les push.} other {# de vos navigateurs reçoivent les push.}}',
  'push.denied': 'Les notifications de Ruche sont bloquées dans ce navigateur. Autorisez-les dans les paramètres du site, puis réactivez le push.',
  'push.turnOn': 'Activer le push ici',
  'push.turnOff': 'Désactiver le push ici',
  'push.test': 'M’envoyer un test',
  'push.testSent': '{count, plural, =0 {Aucun navigateur n’a reçu le test.} one {Envoyé à # navigateur.} other {Envoyé à # navigateurs.}}',
  'push.kind': '{kind}, en push sur mes appareils',
  'push.column': 'Push',
  'push.quiet.title': 'Heures calmes',
  'push.quiet.none': 'Pas d’heures calmes : les push arrivent à toute heure (votre fuseau : {zone}).',
  'push.quiet.current': 'Rien n’est poussé entre {start} et {end} ({zone}) ; cela vous attend ici.',
  'push.quiet.start': 'De',
  'push.quiet.end': 'À',
  'push.quiet.save': 'Enregistrer les heures calmes',
  'push.quiet.clear': 'Pas d’heures calmes',
};
