package io.kontak.whatsapp;

import io.kontak.whatsapp.fake.CloudApiDelivery;
import java.util.List;

/** The Cloud API fixtures of shared/reference/whatsapp-cloud-api.md, and envelopes around them. */
public final class Fixtures {
  public static final String CITIZEN = "6281200000001";
  public static final String PHONE_NUMBER_ID = "200000000000002";
  public static final String DISPLAY_PHONE_NUMBER = "15550001111";
  public static final String WABA_ID = "100000000000001";

  public static final String TEXT = """
      {"id":"wamid.FX_TEXT_01","type":"text","text":{"body":"Apakah PT Contoh terdaftar?"}}""";
  public static final String BUTTON_REPLY = """
      {"id":"wamid.FX_BTN_01","type":"interactive","context":{"from":"15550001111","id":"wamid.FX_OUT_BTN"},
       "interactive":{"type":"button_reply","button_reply":{"id":"menu_complaint","title":"Pengaduan"}}}""";
  public static final String LIST_REPLY = """
      {"id":"wamid.FX_LIST_01","type":"interactive","context":{"from":"15550001111","id":"wamid.FX_OUT_LIST"},
       "interactive":{"type":"list_reply","list_reply":{"id":"sector_bank","title":"Perbankan","description":"Bank umum & BPR"}}}""";
  public static final String QUICK_REPLY = """
      {"id":"wamid.FX_QR_01","type":"button","context":{"from":"15550001111","id":"wamid.FX_OUT_TPL"},
       "button":{"payload":"CONFIRM_YES","text":"Ya"}}""";
  public static final String IMAGE = """
      {"id":"wamid.FX_IMG_01","type":"image","image":{"caption":"Bukti transfer","mime_type":"image/jpeg","sha256":"dGVzdGltZw==","id":"900000000000001"}}""";
  public static final String AUDIO = """
      {"id":"wamid.FX_AUD_01","type":"audio","audio":{"mime_type":"audio/ogg; codecs=opus","sha256":"dGVzdGF1ZA==","id":"900000000000002","voice":true}}""";
  public static final String VIDEO = """
      {"id":"wamid.FX_VID_01","type":"video","video":{"caption":"Rekaman layar","mime_type":"video/mp4","sha256":"dGVzdHZpZA==","id":"900000000000003"}}""";
  public static final String DOCUMENT = """
      {"id":"wamid.FX_DOC_01","type":"document","document":{"caption":"Perjanjian","filename":"perjanjian.pdf","mime_type":"application/pdf","sha256":"dGVzdGRvYw==","id":"900000000000004"}}""";
  public static final String STICKER = """
      {"id":"wamid.FX_STK_01","type":"sticker","sticker":{"mime_type":"image/webp","sha256":"dGVzdHN0aw==","id":"900000000000005","animated":false}}""";
  public static final String LOCATION = """
      {"id":"wamid.FX_LOC_01","type":"location","location":{"latitude":-6.2253,"longitude":106.8083,"name":"Kantor Contoh","address":"Jl. Contoh 1, Jakarta"}}""";
  public static final String CONTACTS = """
      {"id":"wamid.FX_CON_01","type":"contacts","contacts":[{"name":{"formatted_name":"Budi Contoh","first_name":"Budi"},
       "phones":[{"phone":"+62 812-0000-0002","wa_id":"6281200000002","type":"CELL"}]}]}""";
  public static final String REACTION = """
      {"id":"wamid.FX_REA_01","type":"reaction","reaction":{"message_id":"wamid.FX_OUT_TEXT","emoji":"👍"}}""";
  public static final String REACTION_REMOVED = """
      {"id":"wamid.FX_REA_02","type":"reaction","reaction":{"message_id":"wamid.FX_OUT_TEXT"}}""";
  public static final String UNSUPPORTED = """
      {"id":"wamid.FX_UNS_01","type":"unsupported","unsupported":{"type":"poll_creation"},
       "errors":[{"code":131051,"title":"Message type unknown","message":"Message type unknown",
       "error_data":{"details":"Message type is currently not supported."}}]}""";

  public static final List<String> ALL_MESSAGES = List.of(TEXT, BUTTON_REPLY, LIST_REPLY, QUICK_REPLY, IMAGE, AUDIO,
      VIDEO, DOCUMENT, STICKER, LOCATION, CONTACTS, REACTION, REACTION_REMOVED, UNSUPPORTED);

  public static final String VALUE_ERRORS = envelope("""
      "errors":[{"code":130429,"title":"Rate limit hit","message":"Rate limit hit",
       "error_data":{"details":"Cloud API message throughput has been reached."}}]""");

  private Fixtures() {
  }

  /** A message fixture with the common {@code from} and {@code timestamp} added. */
  public static String fromCitizen(String message) {
    return "{\"from\":\"" + CITIZEN + "\",\"timestamp\":\"1767225600\"," + message.strip().substring(1);
  }

  /** The reference envelope around messages from the fixture citizen, Siti Uji. */
  public static String messages(String... messages) {
    CloudApiDelivery delivery = delivery().contact(CITIZEN, "Siti Uji");
    List.of(messages).forEach(m -> delivery.message(fromCitizen(m)));
    return delivery.encode();
  }

  /** An envelope whose value has {@code statuses}. */
  public static String statuses(String... statuses) {
    CloudApiDelivery delivery = delivery();
    List.of(statuses).forEach(delivery::status);
    return delivery.encode();
  }

  public static String status(String wamid, String status, long timestamp) {
    return """
        {"id":"%s","status":"%s","timestamp":"%d","recipient_id":"6281200000001"}""".formatted(wamid, status, timestamp);
  }

  public static String failedStatus(String wamid, int code) {
    return """
        {"id":"%s","status":"failed","timestamp":"1767312000","recipient_id":"6281200000001",
         "errors":[{"code":%d,"title":"Re-engagement message","message":"Re-engagement message",
         "error_data":{"details":"Message failed to send because more than 24 hours have passed."}}]}""".formatted(wamid, code);
  }

  /** One entry, one change, with {@code valueFields} (JSON object members) after messaging_product and metadata. */
  public static String envelope(String valueFields) {
    return delivery().members(valueFields).encode();
  }

  /** A delivery to the fixtures' business number, to add contacts, messages and statuses to. */
  public static CloudApiDelivery delivery() {
    return CloudApiDelivery.to(WABA_ID, DISPLAY_PHONE_NUMBER, PHONE_NUMBER_ID);
  }
}
