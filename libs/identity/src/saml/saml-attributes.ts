import { isEmail } from 'class-validator';
import type { SamlAttributeMapping } from '@ruche/platform';
import { type MappedPerson, text } from '../oidc/sso-accounts.js';

/** The first string of an attribute (SAML attributes may carry several values). */
function first(value: unknown): unknown {
  return Array.isArray(value) ? value.find((item) => typeof item === 'string') : value;
}

/**
 * Reads email, name, department and title through `SAML_ATTRIBUTES`, with the same cleaning and
 * bounds as OIDC's claims. A SAML assertion has no `email_verified`: the email is the directory's,
 * vouched for by the provider's signature, so it counts as verified (as `OIDC_TRUST_EMAIL` does);
 * who may sign in at all is `SAML_ALLOWED_DOMAINS`' and the provider's business.
 */
export function mapAttributes(mapping: SamlAttributeMapping, attributes: Record<string, unknown>): MappedPerson {
  const rawEmail = text(first(attributes[mapping.email]), 254)?.toLowerCase();
  const email = rawEmail && isEmail(rawEmail) ? rawEmail : null;
  const given = [text(first(attributes.givenName), 40), text(first(attributes.sn ?? attributes.surname), 40)]
    .filter(Boolean)
    .join(' ');
  return {
    email,
    emailVerified: email !== null,
    displayName:
      text(first(attributes[mapping.name]), 80) ?? (given || (email ? email.slice(0, email.indexOf('@')) : 'Colleague')),
    department: text(first(attributes[mapping.department]), 100),
    title: text(first(attributes[mapping.title]), 100),
  };
}
