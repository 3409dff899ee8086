import type pg from 'pg';

/**
 * The database's schema as sorted text: every table (columns in order, with type, nullability and
 * default), constraint, index, view, sequence, function, trigger and extension that the migrations
 * made, one object a line or block. Read from the catalogs rather than `pg_dump --schema-only`: the
 * machine's pg_dump need not match the server's version, and its output carries settings, owners
 * and ordering that change with it. What is left out, on purpose:
 * - pg-boss's `pgboss` schema: the job engine creates and migrates it itself at start (its own
 *   versioned migrations); Ruche's migrations never touch it, and it is not created here anyway;
 * - NOT NULL constraints as catalog rows (PostgreSQL 18 lists them in pg_constraint, 15 does not):
 *   nullability is read from the column instead, so the text is the same on either server;
 * - extension versions (they follow the server's packages, not the migrations).
 */
export async function schemaSnapshot(client: pg.Client): Promise<string> {
  const schemas = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'pgboss') AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast_temp%'`;
  // Objects an extension brings (pg_trgm's functions, ...) are the extension's, not ours.
  const notFromExtension = (catalog: string, oid: string) =>
    `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;
  const sections: Array<[string, string]> = [
    ['extensions', `SELECT 'EXTENSION ' || e.extname AS line FROM pg_extension e WHERE e.extname <> 'plpgsql'`],
    [
      'tables',
      `SELECT 'TABLE ' || n.nspname || '.' || c.relname || E'\\n' ||
              string_agg('  ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                         || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
                         || CASE WHEN a.attidentity::text <> '' THEN ' IDENTITY ' || a.attidentity::text ELSE '' END
                         || CASE WHEN a.attgenerated::text <> '' THEN ' GENERATED ' || pg_get_expr(ad.adbin, ad.adrelid)
                                 WHEN ad.adbin IS NOT NULL THEN ' DEFAULT ' || pg_get_expr(ad.adbin, ad.adrelid) ELSE '' END,
                         E'\\n' ORDER BY a.attnum) AS line
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
         LEFT JOIN pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum
        WHERE c.relkind IN ('r', 'p') AND ${schemas} AND ${notFromExtension('pg_class', 'c.oid')}
        GROUP BY n.nspname, c.relname`,
    ],
    [
      'constraints',
      `SELECT 'CONSTRAINT ' || n.nspname || '.' || c.relname || '.' || k.conname || ' ' || pg_get_constraintdef(k.oid) AS line
         FROM pg_constraint k
         JOIN pg_class c ON c.oid = k.conrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE k.contype <> 'n' AND ${schemas}`,
    ],
    [
      'indexes',
      `SELECT 'INDEX ' || pg_get_indexdef(i.indexrelid) AS line
         FROM pg_index i
         JOIN pg_class c ON c.oid = i.indexrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE ${schemas}`,
    ],
    [
      'views',
      `SELECT 'VIEW ' || n.nspname || '.' || c.relname || E'\\n' || pg_get_viewdef(c.oid, true) AS line
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('v', 'm') AND ${schemas} AND ${notFromExtension('pg_class', 'c.oid')}`,
    ],
    [
      'sequences',
      `SELECT 'SEQUENCE ' || n.nspname || '.' || c.relname AS line
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'S' AND ${schemas}`,
    ],
    [
      'functions',
      `SELECT 'FUNCTION ' || pg_get_functiondef(p.oid) AS line
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE p.prokind IN ('f', 'p') AND ${schemas} AND ${notFromExtension('pg_proc', 'p.oid')}`,
    ],
    [
      'triggers',
      `SELECT 'TRIGGER ' || pg_get_triggerdef(t.oid) AS line
         FROM pg_trigger t
         JOIN pg_class c ON c.oid = t.tgrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE NOT t.tgisinternal AND ${schemas}`,
    ],
  ];
  const out: string[] = [];
  for (const [title, sql] of sections) {
    const { rows } = await client.query<{ line: string }>(sql);
    // Sorted here, not by ORDER BY: the server's collation must not decide the order.
    const lines = rows.map((r) => r.line.replace(/[ \t]+$/gm, '').trimEnd()).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    out.push(`-- ${title} (${lines.length})`, ...lines, '');
  }
  return out.join('\n');
}
