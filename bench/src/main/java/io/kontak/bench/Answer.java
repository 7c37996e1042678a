package io.kontak.bench;

import java.util.List;

/** What an engine answered: a verdict word of the contract and its candidate ids, best first. */
record Answer(String verdict, List<String> ids, List<String> statuses, List<Double> scores) {

  String describe() {
    StringBuilder b = new StringBuilder(verdict).append(" [");
    for (int i = 0; i < Math.min(3, ids.size()); i++) {
      b.append(i == 0 ? "" : ", ").append(ids.get(i)).append('(').append(statuses.get(i)).append(',')
          .append(Math.round(scores.get(i) * 100)).append(')');
    }
    return b.append(']').toString();
  }
}
