package io.kontak.desk.account;

/** Every statement on desk accounts. */
final class AccountSql {
  static final String COLUMNS = "id, username, role, capacity, status, disabled_at, created_at";

  static final String INSERT = """
      INSERT INTO desk_account (username, password_hash, role, capacity, created_by) VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (username) DO NOTHING
      RETURNING\s""" + COLUMNS;

  static final String BY_USERNAME = "SELECT " + COLUMNS + ", password_hash FROM desk_account WHERE username = $1";

  static final String BY_ID = "SELECT " + COLUMNS + " FROM desk_account WHERE id = $1";

  static final String ALL = "SELECT " + COLUMNS + " FROM desk_account ORDER BY username";

  static final String COUNT = "SELECT count(*) AS n FROM desk_account";

  private AccountSql() {
  }
}
