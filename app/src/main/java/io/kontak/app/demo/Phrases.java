package io.kontak.app.demo;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** What citizens write, per language: informal, the way the bot's corpora say people write. */
record Phrases(String language, List<String> checks, List<String> faqs, List<String> thanks,
               List<String> greetings, List<String> fraudOpenings, List<String> fraudStories,
               List<String> askForPerson, List<String> toAgent, List<String> names) {

  static final Map<String, Phrases> BY_LANGUAGE = Map.of(
      "id", new Phrases("id",
          List.of("min, %s legal gak?", "apakah %s terdaftar di ojk?", "%s aman ga ya min?", "cek %s dong kak"),
          List.of("cara bikin pengaduan ke ojk gimana kak", "nomor kontak ojk apa ya", "tanda pinjol ilegal tuh gimana",
              "gmn bedain investasi legal sama bodong"),
          List.of("terima kasih", "makasih kak", "oke terima kasih banyak"),
          List.of("halo min", "selamat siang", "halo kak admin"),
          List.of("saya ditipu investasi bodong, mau lapor", "saya kena tipu investasi trading, total 20jt melayang"),
          List.of("%s ambil 5 juta dari saya minggu lalu dan tidak bisa ditarik",
              "saya transfer 3 juta ke %s, sekarang nomornya tidak aktif"),
          List.of("sambungkan ke manusia pls", "min bisa ngobrol sama petugas beneran?"),
          List.of("pinjaman saya ditagih terus padahal sudah lunas", "saya mau tanya soal denda keterlambatan"),
          List.of("Budi", "Siti", "Agus", "Dewi", "Rina", "Joko", "Wati", "Eko")),
      "en", new Phrases("en",
          List.of("is %s registered?", "is %s legit?", "can you check %s for me"),
          List.of("how do i make a complaint to ojk", "when is the hotline open", "what are signs of an illegal loan app"),
          List.of("thank you very much for the help", "thanks so much", "ty, bye for now"),
          List.of("good morning", "hey hi"),
          List.of("i was tricked into a fake investment and lost 15 million",
              "a loan app is threatening to share my photos"),
          List.of("%s took my money last week and I cannot withdraw it", "%s asked me to pay a fee before the payout"),
          List.of("can i please talk to an agent", "i need a real human"),
          List.of("my loan keeps being collected although I paid it off", "I want to ask about a late fee"),
          List.of("Anna", "David", "Grace", "Kevin", "Maya")),
      "es", new Phrases("es",
          List.of("¿%s está registrada?", "¿es confiable %s?", "quiero verificar %s"),
          List.of("quiero quejarme con el regulador, como lo hago", "a que hora abre la linea",
              "cuales son las señales de una app de préstamos ilegal"),
          List.of("gracias, adiós", "gracias de verdad"),
          List.of("hola hola buenas", "muy buenos días"),
          List.of("me engañaron con una inversión falsa y perdí 15 mil",
              "una app de préstamos amenaza con publicar mis fotos"),
          List.of("%s se quedó con mi dinero y no puedo retirarlo", "%s me pidió pagar una comisión antes del retiro"),
          List.of("me pasas con un agente por favor", "necesito un humano de verdad"),
          List.of("me siguen cobrando un préstamo que ya pagué", "quiero preguntar por un cargo por mora"),
          List.of("María", "José", "Lucía", "Carlos", "Ana")));

  static <T> T any(List<T> options, RandomGenerator random) {
    return options.get(random.nextInt(options.size()));
  }
}
