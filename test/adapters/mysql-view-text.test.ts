// MariaDB keeps a view's query on one line: \d shows it broken at its clauses, as psql would.
import { describe, expect, it } from 'vitest';
import { viewDefinitionText } from '../../source/adapters/mysql/mysql-view-text.js';

describe('viewDefinitionText', () => {
  it('puts each selected column and each top-level clause on its own line', () => {
    const sql =
      'select `d`.`items`.`id` AS `id`,`d`.`items`.`price` AS `price` from `d`.`items` where `d`.`items`.`price` < 10 group by `d`.`items`.`id` order by `d`.`items`.`id` limit 5';
    expect(viewDefinitionText(sql).split('\n')).toEqual([
      'select `d`.`items`.`id` AS `id`,',
      '    `d`.`items`.`price` AS `price`',
      'from `d`.`items`',
      'where `d`.`items`.`price` < 10',
      'group by `d`.`items`.`id`',
      'order by `d`.`items`.`id`',
      'limit 5',
    ]);
  });

  it('leaves words in strings, quoted names and parentheses alone', () => {
    const sql = "select 'a from b, c' AS `x from`,(select max(`id`) from `t`) AS `m` from `t` union all select 'w','v' from `u`";
    expect(viewDefinitionText(sql).split('\n')).toEqual([
      "select 'a from b, c' AS `x from`,",
      '    (select max(`id`) from `t`) AS `m`',
      'from `t`',
      'union all',
      "select 'w',",
      "    'v'",
      'from `u`',
    ]);
  });
});
