import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isAdminRole, normaliseRoles, type AdminRole } from '../domain/admin-role';

export interface AdminWallet {
  readonly wallet: string;
  readonly roles: AdminRole[];
}

/** Admin roles in the gateway schema; one row per (wallet, role). */
@Injectable()
export class AdminRoleRepository {
  constructor(private readonly dataSource: DataSource) {}

  async rolesOf(wallet: string, manager: EntityManager = this.dataSource.manager): Promise<AdminRole[]> {
    const rows: { role: string }[] = await manager.query(`SELECT role FROM admin_roles WHERE wallet = $1`, [wallet]);
    return normaliseRoles(rows.map((row) => row.role).filter(isAdminRole));
  }

  async list(): Promise<AdminWallet[]> {
    const rows: { wallet: string; roles: string[] }[] = await this.dataSource.query(
      `SELECT wallet, array_agg(role ORDER BY role) AS roles FROM admin_roles GROUP BY wallet ORDER BY wallet`,
    );
    return rows.map((row) => ({ wallet: row.wallet, roles: normaliseRoles(row.roles.filter(isAdminRole)) }));
  }

  async count(manager: EntityManager): Promise<number> {
    const rows: { n: string }[] = await manager.query(`SELECT count(*) AS n FROM admin_roles`);
    return Number(rows[0].n);
  }

  async superadminCount(manager: EntityManager): Promise<number> {
    const rows: { n: string }[] = await manager.query(`SELECT count(*) AS n FROM admin_roles WHERE role = 'superadmin'`);
    return Number(rows[0].n);
  }

  /** Replaces a wallet's roles with exactly `roles`. */
  async replace(manager: EntityManager, wallet: string, roles: readonly AdminRole[], grantedBy: string): Promise<void> {
    await manager.query(`DELETE FROM admin_roles WHERE wallet = $1 AND NOT (role = ANY($2::text[]))`, [wallet, roles]);
    if (roles.length === 0) return;
    await manager.query(
      `INSERT INTO admin_roles (wallet, role, granted_by)
       SELECT $1, unnest($2::text[]), $3
       ON CONFLICT (wallet, role) DO NOTHING`,
      [wallet, roles, grantedBy],
    );
  }

  /**
   * Runs `work` in a transaction that holds the role table's lock: role changes (and the seed)
   * are serialised, so two superadmins cannot both demote each other past the last one.
   */
  async exclusively<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`LOCK TABLE admin_roles IN SHARE ROW EXCLUSIVE MODE`);
      return work(manager);
    });
  }
}
