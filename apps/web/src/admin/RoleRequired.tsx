import { Link, useNavigate } from 'react-router';
import type { Role } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useTitle } from '../ui/bits';

/**
 * What a page guarded by a role shows to someone without it: which role it needs and a way back,
 * never a silent redirect (an admin sent home from the review queue could not tell why).
 */
export function RoleRequired({ roles }: { roles: readonly Role[] }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const names = new Intl.ListFormat(lang, { type: 'disjunction' }).format(roles.map((role) => t(`access.role.${role}`)));
  const title = t('access.needsRole', { roles: names });
  useTitle(title);
  return (
    <div className="narrow">
      <div className="card empty stack">
        <h1 className="page-title">{title}</h1>
        <p>{t('access.explain')}</p>
        <p className="row">
          {window.history.length > 1 && (
            <button type="button" className="btn btn--secondary" onClick={() => void navigate(-1)}>
              {t('access.back')}
            </button>
          )}
          <Link to="/">{t('common.backHome')}</Link>
        </p>
      </div>
    </div>
  );
}
