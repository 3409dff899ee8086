import { useId, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';
import { Icon, type IconName } from '../ui/icons';
import { useDisclosure } from '../ui/useDisclosure';
import nav from './MainNav.module.css';

/** A destination of the main navigation. */
export interface NavItem {
  to: string;
  label: string;
  icon: IconName;
  /** Active only on `to` itself, not below it. */
  end?: boolean;
  /** Active anywhere below this path too (Manage links to its first section). */
  section?: string;
  /** Left out of the desk's navigation column (what it leads to is already beside the page there). */
  narrowOnly?: boolean;
}

export function isCurrent(item: NavItem, pathname: string): boolean {
  const base = item.section ?? item.to;
  return pathname === base || (!item.end && pathname.startsWith(`${base}/`));
}

/** A main navigation link, marked active on its destination (and its section). */
export function MainNavLink({ item, className }: { item: NavItem; className: string }) {
  const { pathname } = useLocation();
  return (
    <NavLink
      to={item.to}
      end={item.end}
      className={({ isActive }) => (isActive || isCurrent(item, pathname) ? `${className} ${nav.active}` : className)}
    >
      <Icon name={item.icon} />
      <span>{item.label}</span>
    </NavLink>
  );
}

/**
 * "More" in the bottom bar below the desk width (CSS shows it only there, and hides `items` from the bar, and
 * `children`, the account actions, from the crowded top bar): a disclosure, like the
 * notifications bell (see useDisclosure), with the links right after the button.
 */
export function MoreMenu({ items, children }: { items: NavItem[]; children?: ReactNode }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const panelId = useId();
  const { open, setOpen, button, rootProps } = useDisclosure();
  const current = items.some((item) => isCurrent(item, pathname));

  return (
    <div className={nav.more} {...rootProps}>
      <button
        type="button"
        ref={button}
        className={current || open ? `${nav.link} ${nav.active}` : nav.link}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="more" />
        <span>{t('nav.more')}</span>
      </button>
      {open && (
        <ul id={panelId} className={`${nav.menu} card`}>
          {items.map((item) => (
            <li key={item.to}>
              <MainNavLink item={item} className={nav.menuLink} />
            </li>
          ))}
          {children && <li className={nav.menuActions}>{children}</li>}
        </ul>
      )}
    </div>
  );
}
