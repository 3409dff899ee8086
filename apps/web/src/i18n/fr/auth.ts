import type { CatalogOf } from '../catalog';
import type { auth as en } from '../en/auth';

export const auth: CatalogOf<typeof en> = {
  'auth.signIn.title': 'Se connecter à Ruche',
  'auth.signIn.submit': 'Se connecter',
  'auth.signIn.busy': 'Connexion…',
  'auth.signIn.noAccount': 'Nouveau sur Ruche ?',
  'auth.signIn.toRegister': 'Créer un compte',
  'auth.register.title': 'Créer votre compte Ruche',
  'auth.register.submit': 'Créer le compte',
  'auth.register.busy': 'Création du compte…',
  'auth.register.hasAccount': 'Vous avez déjà un compte ?',
  'auth.register.toSignIn': 'Se connecter',
  'auth.email': 'E-mail professionnel',
  'auth.password': 'Mot de passe',
  'auth.password.hint': 'Au moins 12 caractères, pas un mot de passe courant ou divulgué.',
  'auth.displayName': 'Nom complet',
  'auth.expired': 'Votre session a pris fin. Veuillez vous reconnecter.',
  'auth.sso.button': 'Se connecter avec le SSO',
  'auth.sso.or': 'ou avec un mot de passe',
  'auth.sso.busy': 'Connexion en cours…',
  'auth.sso.failed': 'L’authentification unique n’a pas abouti.',
  'auth.sso.retry': 'Retour à la connexion',
  'auth.register.invited': 'Vous avez été invité·e : créez votre compte avec l’adresse à laquelle l’invitation a été envoyée.',
};
