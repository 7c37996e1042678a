package io.kontak.whatsapp.outbox;

import static io.kontak.whatsapp.outbox.OutboxTest.awaitState;
import static io.kontak.whatsapp.outbox.OutboxTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontak.core.bus.Addresses;
import io.kontak.core.conversation.CitizenId;
import io.kontak.whatsapp.Fixtures;
import io.kontak.whatsapp.NodeWithFakeMetaTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Delivery statuses from the webhook applied to outbox rows sent through the fake Graph API. */
class StatusTest extends NodeWithFakeMetaTest {
  @Test
  void statusesArrivingOutOfOrderNeverDowngrade() {
    long id = sent();
    String wamid = row(node, id).getString("wamid");

    deliver(Fixtures.status(wamid, "read", 1767225650));
    assertThat(row(node, id).getString("delivery")).isEqualTo("read");
    deliver(Fixtures.status(wamid, "delivered", 1767225607));
    deliver(Fixtures.status(wamid, "sent", 1767225605));
    deliver(Fixtures.status(wamid, "read", 1767225650));  // a duplicate
    deliver(Fixtures.failedStatus(wamid, 131026));         // late and contradictory: recorded, not applied
    assertThat(row(node, id).getString("delivery")).isEqualTo("read");
    assertThat(node.rows("SELECT delivery_at = to_timestamp(1767225650) FROM wa_outbox WHERE id = $1", id)
        .getFirst().getBoolean(0)).isTrue();
    assertThat(node.count("SELECT count(*) FROM wa_status WHERE wamid = $1", wamid)).isEqualTo(4);
    assertThat(node.count("SELECT count(*) FROM wa_status WHERE wamid = $1 AND status = 'read'", wamid)).isEqualTo(1);

    long other = sent();
    String second = row(node, other).getString("wamid");
    deliver(Fixtures.status(second, "read", 1767225650), Fixtures.status(second, "delivered", 1767225607),
        Fixtures.status(second, "sent", 1767225605));  // one delivery, reversed order
    assertThat(row(node, other).getString("delivery")).isEqualTo("read");
    deliver(Fixtures.status(second, "played", 1767225700));
    assertThat(row(node, other).getString("delivery")).isEqualTo("played");
  }

  @Test
  void aFailedDeliveryRecordsItsCodeAndTellsTheDesk() {
    long id = sent();
    String wamid = row(node, id).getString("wamid");
    deliver(Fixtures.status(wamid, "sent", 1767225605), Fixtures.failedStatus(wamid, 131047));
    assertThat(row(node, id).getString("delivery")).isEqualTo("failed");
    assertThat(row(node, id).getInteger("error_code")).isEqualTo(131047);
    await().atMost(Duration.ofSeconds(5)).until(() -> node.events(Addresses.OUTBOX_FAILED).size() == 1);
    assertThat(node.events(Addresses.OUTBOX_FAILED).getFirst().getString("reason")).isEqualTo("delivery_failed");
    assertThat(node.events(Addresses.OUTBOX_FAILED).getFirst().getInteger("code")).isEqualTo(131047);

    deliver(Fixtures.status(wamid, "delivered", 1767225607));  // it did arrive after all
    assertThat(row(node, id).getString("delivery")).isEqualTo("delivered");
  }

  @Test
  void statusesOfMessagesNotInTheOutboxAreRecorded() {
    deliver(Fixtures.status("wamid.SENT_ELSEWHERE", "delivered", 1767225607));
    assertThat(node.count("SELECT count(*) FROM wa_status WHERE wamid = 'wamid.SENT_ELSEWHERE'"
        + " AND citizen = 'wa:6281200000001' AND rank = 3")).isEqualTo(1);
  }

  private long sent() {
    long id = node.node.whatsapp().outbox().send(node.sql, CitizenId.ofWaId(Fixtures.CITIZEN),
        OutboundMessage.text("Halo")).await();
    awaitState(node, id, "sent");
    return id;
  }

  private void deliver(String... statuses) {
    assertThat(node.deliver(Fixtures.statuses(statuses)).statusCode()).isEqualTo(200);
  }
}
