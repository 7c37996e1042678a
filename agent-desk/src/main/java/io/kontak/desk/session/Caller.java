package io.kontak.desk.session;

import io.kontak.desk.account.Role;

/** Who is calling a desk route: the staff token, or a signed-in account. */
public sealed interface Caller {
  /** Supervisors' reading rights and account management. */
  boolean supervises();

  /** Imports, validates and activates registry versions: the staff token or a registry admin. */
  boolean administersRegistry();

  /** {@code Authorization: Bearer $KONTAK_ADMIN_TOKEN}: manages accounts, reads like a supervisor. */
  record Staff() implements Caller {
    public boolean supervises() {
      return true;
    }

    public boolean administersRegistry() {
      return true;
    }
  }

  /** A browser (or script) with a session cookie. */
  record Member(Session session) implements Caller {
    public long accountId() {
      return session.accountId();
    }

    public String username() {
      return session.username();
    }

    public Role role() {
      return session.role();
    }

    public boolean supervises() {
      return session.role() == Role.SUPERVISOR;
    }

    public boolean administersRegistry() {
      return session.role() == Role.REGISTRY_ADMIN;
    }
  }
}
