package io.kontak.app.demo;

import java.net.URI;
import java.time.Duration;

/**
 * One run of demo traffic against a running node.
 *
 * @param node          the node's base URL
 * @param staffToken    creates (and afterwards disables) the simulated agents' accounts, reads the report
 * @param appSecret     signs the webhook deliveries, as Meta does with the node's app secret
 * @param phoneNumberId the business number the node answers from (deliveries name it)
 * @param citizens      citizens who write in, spread over {@code arrivals}
 * @param agents        simulated agents working the desk
 * @param arrivals      the time over which citizens arrive (already divided by {@code speed})
 * @param speed         how much faster than life the citizens and agents think and type
 * @param seed          makes the mix of citizens repeatable
 */
record TrafficSettings(URI node, String staffToken, String appSecret, String phoneNumberId, int citizens, int agents,
                       Duration arrivals, double speed, long seed) {
  TrafficSettings {
    if (citizens < 1 || agents < 0) {
      throw new IllegalArgumentException("--citizens must be at least 1 and --agents at least 0");
    }
    if (!(speed > 0)) {
      throw new IllegalArgumentException("--speed must be above 0");
    }
  }

  /** A human pause of {@code seconds}, at this run's speed. */
  Duration pause(double seconds) {
    return Duration.ofMillis(Math.max(50, Math.round(seconds * 1000 / speed)));
  }
}
