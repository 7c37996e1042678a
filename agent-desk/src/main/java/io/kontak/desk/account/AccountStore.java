package io.kontak.desk.account;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Desk accounts in Postgres. */
public final class AccountStore {
  private final Pool pool;

  /** An account with the hash its password is checked against. */
  public record WithHash(Account account, String passwordHash) {
  }

  public AccountStore(Pool pool) {
    this.pool = pool;
  }

  /** The new account, or empty when the username is taken. */
  public Future<Optional<Account>> create(String username, String passwordHash, Role role, int capacity,
                                          String createdBy) {
    return pool.preparedQuery(AccountSql.INSERT)
        .execute(Tuple.of(username, passwordHash, role.wire(), capacity, createdBy))
        .map(rows -> first(rows).map(Account::from));
  }

  public Future<Optional<WithHash>> byUsername(String username) {
    return pool.preparedQuery(AccountSql.BY_USERNAME).execute(Tuple.of(username))
        .map(rows -> first(rows).map(row -> new WithHash(Account.from(row), row.getString("password_hash"))));
  }

  public Future<Optional<Account>> byId(long id) {
    return pool.preparedQuery(AccountSql.BY_ID).execute(Tuple.of(id)).map(rows -> first(rows).map(Account::from));
  }

  public Future<List<Account>> all() {
    return pool.query(AccountSql.ALL).execute().map(rows -> {
      List<Account> out = new ArrayList<>();
      rows.forEach(row -> out.add(Account.from(row)));
      return out;
    });
  }

  public Future<Long> count() {
    return pool.query(AccountSql.COUNT).execute().map(rows -> rows.iterator().next().getLong("n"));
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }
}
