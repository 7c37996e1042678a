package io.kontak.app.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.kontak.core.config.ClusterConfig;
import io.kontak.core.runtime.KontakVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.List;

/**
 * The Vert.x instance of a node that runs one role of a deployment ({@code kontak bot},
 * {@code kontak desk}): its event bus is clustered with the other nodes' through Hazelcast, so a
 * handoff announced where the citizen wrote reaches the desk wherever agents are signed in.
 * Postgres stays the system of record and Redis the shared ephemeral state; the cluster only
 * carries the events.
 */
public final class ClusteredVertx {
  private ClusteredVertx() {
  }

  public static Future<Vertx> start(ClusterConfig cluster) {
    VertxOptions options = KontakVertx.options();
    options.getEventBusOptions().setHost(cluster.host()).setClusterPublicHost(cluster.host());
    return Vertx.builder().with(options).withClusterManager(new HazelcastClusterManager(hazelcast(cluster)))
        .buildClustered()
        .map(KontakVertx::started);
  }

  /** Vert.x's own Hazelcast settings (its maps and locks), joined over TCP/IP to the listed members only. */
  static Config hazelcast(ClusterConfig cluster) {
    Config config = ConfigUtil.loadConfig().setClusterName(cluster.name());
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    NetworkConfig network = config.getNetworkConfig().setPort(cluster.port()).setPortAutoIncrement(true)
        .setPublicAddress(cluster.host());
    if (cluster.host().matches("[0-9.]+")) {
      // bind where the others are told to connect (Hazelcast would otherwise pick any interface)
      network.getInterfaces().setEnabled(true).setInterfaces(List.of(cluster.host()));
    }
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());
    return config;
  }
}
