package io.kontak.registry.identity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers to E.164 ({@code +6281234567890}) with Google's libphonenumber, so "0812-3456-7890",
 * "+62 812 3456 7890" and "62812 34567890" are one number. Numbers without a country code are read
 * in the regulator's own region ({@code KONTAK_PHONE_REGION}); "+34 612…" or "+51 …" work anywhere.
 */
public final class PhoneNumbers {
  /** A run of digits with the separators people type; at least 7 digits. */
  private static final Pattern CANDIDATE = Pattern.compile("\\+?\\(?\\d[\\d\\s().\\-]{5,}\\d");
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private final String region;

  public PhoneNumbers(String region) {
    this.region = region;
  }

  /** Every phone number found in {@code text}, as E.164. */
  public List<String> extract(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = CANDIDATE.matcher(text);
    while (m.find()) {
      normalize(m.group()).ifPresent(n -> {
        if (!out.contains(n)) {
          out.add(n);
        }
      });
    }
    return out;
  }

  /** The spans of {@code text} that are phone numbers (so the rest can be read as a name). */
  public List<int[]> spans(String text) {
    List<int[]> out = new ArrayList<>();
    Matcher m = CANDIDATE.matcher(text);
    while (m.find()) {
      if (normalize(m.group()).isPresent()) {
        out.add(new int[] {m.start(), m.end()});
      }
    }
    return out;
  }

  public java.util.Optional<String> normalize(String raw) {
    String digits = raw.replaceAll("[^\\d+]", "");
    if (digits.replace("+", "").length() < 7 || digits.length() > 17) {
      return java.util.Optional.empty();
    }
    try {
      // "62812…" without "+" is how numbers are often written in Indonesia: the country code is there.
      String input = !digits.startsWith("+") && !digits.startsWith("0") && startsWithOwnCountryCode(digits)
          ? "+" + digits : raw;
      PhoneNumber number = UTIL.parse(input, region);
      if (!UTIL.isPossibleNumber(number)) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
    } catch (NumberParseException e) {
      return java.util.Optional.empty();
    }
  }

  private boolean startsWithOwnCountryCode(String digits) {
    String code = Integer.toString(UTIL.getCountryCodeForRegion(region));
    return digits.startsWith(code) && digits.length() >= code.length() + 8;
  }
}
