// Column type names from type OIDs: a table of the built-in types, and a per-adapter cache filled
// from pg_type for the rest (enums, domains, extension types).
const BUILTIN_TYPE_NAMES: Record<number, string> = {
  16: 'bool',
  17: 'bytea',
  18: 'char',
  19: 'name',
  20: 'int8',
  21: 'int2',
  23: 'int4',
  25: 'text',
  26: 'oid',
  114: 'json',
  142: 'xml',
  600: 'point',
  650: 'cidr',
  700: 'float4',
  701: 'float8',
  790: 'money',
  829: 'macaddr',
  869: 'inet',
  1000: '_bool',
  1001: '_bytea',
  1005: '_int2',
  1007: '_int4',
  1009: '_text',
  1015: '_varchar',
  1016: '_int8',
  1021: '_float4',
  1022: '_float8',
  1042: 'bpchar',
  1043: 'varchar',
  1082: 'date',
  1083: 'time',
  1114: 'timestamp',
  1115: '_timestamp',
  1182: '_date',
  1184: 'timestamptz',
  1185: '_timestamptz',
  1186: 'interval',
  1231: '_numeric',
  1266: 'timetz',
  1560: 'bit',
  1562: 'varbit',
  1700: 'numeric',
  2249: 'record',
  2278: 'void',
  2950: 'uuid',
  2951: '_uuid',
  3614: 'tsvector',
  3802: 'jsonb',
  3807: '_jsonb',
  3904: 'int4range',
  3926: 'int8range',
  4089: 'regnamespace',
};

export type TypeNameLookup = (oids: number[]) => Promise<Map<number, string>>;

export class TypeNames {
  constructor(
    private readonly lookup: TypeNameLookup,
    private readonly cache: Map<number, string>,
  ) {}

  /** Names for these OIDs; unknown ones are looked up once, and '' if that fails. */
  async names(oids: number[]): Promise<string[]> {
    const missing = [...new Set(oids.filter((oid) => this.known(oid) === undefined))];
    if (missing.length > 0) {
      let found = new Map<number, string>();
      try {
        found = await this.lookup(missing);
      } catch {
        // a catalog we cannot read (permissions, CockroachDB variants): the names stay empty
      }
      for (const oid of missing) this.cache.set(oid, found.get(oid) ?? '');
    }
    return oids.map((oid) => this.known(oid) ?? '');
  }

  /** Names from the table and the cache only, without a lookup ('' for the rest). */
  knownNames(oids: number[]): string[] {
    return oids.map((oid) => this.known(oid) ?? '');
  }

  private known(oid: number): string | undefined {
    return BUILTIN_TYPE_NAMES[oid] ?? this.cache.get(oid);
  }
}
