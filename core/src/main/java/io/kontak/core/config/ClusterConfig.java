package io.kontak.core.config;

import java.util.List;

/**
 * How the nodes of one deployment find each other for the clustered event bus ({@code kontak bot},
 * {@code kontak desk}): Hazelcast with a TCP/IP member list, never multicast, so that only the
 * listed machines form the cluster.
 *
 * @param name     the cluster's name: two deployments on one network stay apart
 * @param members  where to look for other nodes, {@code host} or {@code host:port}
 * @param host     this node's address as the others reach it (Hazelcast and the event bus)
 * @param port     the first Hazelcast port tried; the next free one is taken when several nodes share a machine
 */
public record ClusterConfig(String name, List<String> members, String host, int port) {
  static ClusterConfig from(Env e) {
    return new ClusterConfig(
        e.string("KONTAK_CLUSTER_NAME", "kontak"),
        e.list("KONTAK_CLUSTER_MEMBERS", List.of("127.0.0.1")),
        e.string("KONTAK_CLUSTER_HOST", "127.0.0.1"),
        e.integer("KONTAK_CLUSTER_PORT", 5701));
  }
}
