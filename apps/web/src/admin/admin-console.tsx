import type { JSX } from 'react';
import { sectionOf, sectionsFor } from './admin-sections';
import { ClaimDetailPage } from './claim-detail';
import { ClaimQueuePage } from './claim-queue';
import { AuditPage, DeadLettersPage, ReconciliationPage } from './ops-pages';
import { PayoutsPage } from './payouts';
import { RolesPage } from './roles-page';

const PAGES: Record<string, () => JSX.Element> = {
  '/admin': ClaimQueuePage,
  '/admin/payouts': PayoutsPage,
  '/admin/reconciliation': ReconciliationPage,
  '/admin/dead-letters': DeadLettersPage,
  '/admin/audit': AuditPage,
  '/admin/roles': RolesPage,
};

/**
 * The admin console (its own chunk: traders never download it). A wallet sees only the sections
 * its roles open; `/admin` itself shows the first of them.
 */
export function AdminConsole({ path, roles }: { path: string; roles: readonly string[] }) {
  const allowed = sectionsFor(roles);
  const claim = /^\/admin\/claims\/([0-9a-f-]{36})$/i.exec(path);
  const section = path === '/admin' ? allowed[0] : sectionOf(path);
  if (!section) return <p role="alert">No such admin page.</p>;
  if (!allowed.includes(section))
    return (
      <p role="alert">
        {section.label} needs the role {section.roles.join(' or ')}; this wallet holds {roles.join(', ') || 'none'}.
      </p>
    );
  if (claim) return <ClaimDetailPage id={claim[1]!} />;
  const Page = PAGES[section.path]!;
  return <Page />;
}
