"""Regions of the corpus and the public names that must survive redaction.

A sample happens in one region: its city, kelurahan, plate prefixes, phone area code, NIK
prefix, chat particles, the naming traditions most of its citizens carry, and its streets,
hospitals, schools, mosques, stadiums and landmarks, many named after people ("Jl. Marthen
Indey", "RSUD dr. H. Moh. Anwar", "Stadion Kapten I Wayan Dipta"). Every named place is also in
one split by the fixed hash, like person names, so the held-out half asks the redactor to keep
public names it was never shown. When a region has none of a kind in a split, the national
lists (streets and hospitals found in many cities) stand in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from corpus3.split import keep


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.strip().split(";") if line.strip())


@dataclass(frozen=True)
class Region:
    """One city: where a complaint comes from and what its public names are."""

    key: str
    city: str
    nik_prefix: str  # province and regency/city code, the first four NIK digits
    plates: tuple[str, ...]
    area_code: str
    ticket: str  # the three letters of the city's report numbers
    traditions: tuple[str, ...]  # most common first; other traditions still occur
    particles: tuple[str, ...]  # chat particles of the local speech
    kelurahan: tuple[str, ...]
    kecamatan: tuple[str, ...]
    named: dict[str, tuple[str, ...]] = field(default_factory=dict)  # public category -> names


REGIONS: tuple[Region, ...] = (
    Region(
        "pasuruan",
        "Kota Pasuruan",
        "3575",
        ("N",),
        "0343",
        "PSR",
        ("javanese", "madurese", "arab", "chinese"),
        ("rek", "cak", "lho", "to", "ae", "lek", "po'o", "jare"),
        _lines(
            "Bugul Kidul; Tapaan; Blandongan; Krapyakrejo; Kebonsari; Pekuncen; Trajeng; Mayangan; "
            "Gadingrejo; Purutrejo; Bakalan; Karangketug; Kandangsapi; Bukir"
        ),
        _lines("Panggungrejo; Purworejo; Bugul Kidul; Gadingrejo"),
        {
            "street_named_after_person": _lines(
                "Jl. Untung Suropati; Jl. Dr. Wahidin Sudirohusodo; Jl. KH. Wahid Hasyim; Jl. Panglima Sudirman; "
                "Jl. Sultan Agung; Jl. Hayam Wuruk; Jl. Gatot Subroto; Jl. Soekarno-Hatta; Jl. KH. Mansyur; "
                "Jl. Ir. H. Juanda; Jl. Kyai Sepuh; Jl. Slamet Riyadi"
            ),
            "hospital": _lines("RSUD dr. R. Soedarsono; RS Islam Masyithoh; RSIA Kartini; RS Mutiara Bunda"),
            "school": _lines("SMA Negeri 1 Pasuruan; SMP Negeri 4 Pasuruan; SD Kartini Pasuruan; MTs Negeri Pasuruan"),
            "university": _lines("Universitas Merdeka Pasuruan; Universitas Yudharta"),
            "mosque": _lines("Masjid Agung Al-Anwar; Masjid Jami' Al-Anwar; Masjid Cheng Hoo Pandaan"),
            "place_of_worship": _lines("Klenteng Tjoe Tik Kiong; GKJW Pasuruan; Gereja Santo Antonius Padua"),
            "stadium": _lines("Stadion Untung Suropati"),
            "landmark": _lines(
                "Taman Kota Sekargadung; Gedung Harmoni; Makam KH Abdul Hamid; Alun-alun Kota Pasuruan; "
                "Pelabuhan Pasuruan"
            ),
            "market": _lines("Pasar Besar Kota Pasuruan; Pasar Kebonagung; Pasar Poncol"),
        },
    ),
    Region(
        "denpasar",
        "Kota Denpasar",
        "5171",
        ("DK",),
        "0361",
        "DPS",
        ("balinese", "javanese", "chinese", "bugis"),
        ("nggih", "suksma", "nah", "bli", "ampura", "sajan", "ten"),
        _lines("Dauh Puri; Sumerta; Panjer; Sesetan; Pedungan; Renon; Kesiman; Padangsambian; Peguyangan; Ubung"),
        _lines("Denpasar Barat; Denpasar Timur; Denpasar Selatan; Denpasar Utara"),
        {
            "street_named_after_person": _lines(
                "Jl. I Gusti Ngurah Rai; Jl. Letda Made Putra; Jl. Patih Jelantik; Jl. Mahendradatta; "
                "Jl. Kapten Japa; Jl. Teuku Umar; Jl. Cokroaminoto; Jl. Gajah Mada; Jl. Kapten Agung; "
                "Jl. WR Supratman; Jl. Hayam Wuruk; Jl. Ida Bagus Oka"
            ),
            "hospital": _lines("RSUP Prof. dr. I.G.N.G. Ngoerah; RSUD Wangaya; RS Bali Mandara; RSU Surya Husadha"),
            "school": _lines("SMA Negeri 1 Denpasar; SD Negeri 3 Sumerta; SMP Negeri 1 Denpasar"),
            "university": _lines("Universitas Udayana; Universitas Mahasaraswati; ISI Denpasar"),
            "mosque": _lines("Masjid Raya Baiturrahmah; Masjid An-Nur Denpasar"),
            "place_of_worship": _lines("Pura Agung Jagatnatha; Gereja Katolik Santo Yoseph; Vihara Buddha Dharma"),
            "stadium": _lines("Stadion Kapten I Wayan Dipta; Stadion Ngurah Rai; Stadion Kompyang Sujana"),
            "landmark": _lines(
                "Bandara I Gusti Ngurah Rai; Monumen Bajra Sandhi; "
                "Lapangan Puputan Badung I Gusti Ngurah Made Agung; Taman Werdhi Budaya"
            ),
            "market": _lines("Pasar Badung; Pasar Kumbasari; Pasar Kreneng"),
        },
    ),
    Region(
        "medan",
        "Kota Medan",
        "1271",
        ("BK",),
        "061",
        "MDN",
        ("batak", "chinese", "minang", "javanese"),
        ("bah", "kau", "lae", "horas", "kek", "pun", "kali"),
        _lines(
            "Sei Sikambing B; Petisah Tengah; Aur; Sei Putih Timur; Tegal Sari Mandala; Sidorame Barat; "
            "Pulo Brayan; Kampung Lalang; Helvetia Timur"
        ),
        _lines("Medan Petisah; Medan Baru; Medan Area; Medan Helvetia; Medan Denai"),
        {
            "street_named_after_person": _lines(
                "Jl. Sisingamangaraja; Jl. Jamin Ginting; Jl. Sultan Iskandar Muda; Jl. Kapten Muslim; "
                "Jl. Brigjend Katamso; Jl. Williem Iskandar; Jl. AH Nasution; Jl. Abdullah Lubis; Jl. SM Raja; "
                "Jl. Letda Sujono; Jl. Gatot Subroto"
            ),
            "hospital": _lines("RSUP H. Adam Malik; RSUD Dr. Pirngadi; RS Santa Elisabeth; RSU Haji Medan"),
            "school": _lines("SMA Negeri 1 Medan; SMP Negeri 1 Medan; SD Methodist 1 Medan"),
            "university": _lines("Universitas Sumatera Utara; Universitas HKBP Nommensen"),
            "mosque": _lines("Masjid Raya Al-Mashun; Masjid Agung Medan"),
            "place_of_worship": _lines(
                "Gereja HKBP Sudirman; Vihara Gunung Timur; Graha Maria Annai Velangkanni; Kuil Shri Mariamman"
            ),
            "stadium": _lines("Stadion Teladan; Stadion Kebun Bunga"),
            "landmark": _lines("Istana Maimun; Rumah Tjong A Fie; Lapangan Merdeka Medan; Bandara Kualanamu"),
            "market": _lines("Pasar Petisah; Pusat Pasar; Pasar Sambu"),
        },
    ),
    Region(
        "makassar",
        "Kota Makassar",
        "7371",
        ("DD",),
        "0411",
        "MKS",
        ("bugis", "makassar", "javanese", "chinese"),
        ("ji", "mi", "ki", "di'", "tabe'", "iye", "kodong", "sede"),
        _lines("Mangkura; Bontoala; Maccini; Karuwisi; Tamalanrea; Panakkukang; Pandang; Sinrijala; Mariso; Mamajang"),
        _lines("Panakkukang; Rappocini; Tamalate; Biringkanaya; Ujung Pandang"),
        {
            "street_named_after_person": _lines(
                "Jl. AP Pettarani; Jl. Sultan Alauddin; Jl. Urip Sumoharjo; Jl. Andi Djemma; Jl. Daeng Tata; "
                "Jl. Andi Mappanyukki; Jl. Abdullah Daeng Sirua; Jl. Sam Ratulangi; Jl. Andi Tonro; "
                "Jl. Ratulangi; Jl. Sultan Hasanuddin"
            ),
            "hospital": _lines(
                "RSUP Dr. Wahidin Sudirohusodo; RSUD Labuang Baji; RS Ibnu Sina; RSUD Daya; RS Stella Maris"
            ),
            "school": _lines("SMA Negeri 17 Makassar; SMP Negeri 6 Makassar; SD Inpres Maccini"),
            "university": _lines("Universitas Hasanuddin; UIN Alauddin; Universitas Muslim Indonesia"),
            "mosque": _lines("Masjid Al-Markaz Al-Islami; Masjid Raya Makassar; Masjid 99 Kubah"),
            "place_of_worship": _lines("Gereja Katedral Makassar; Klenteng Xian Ma"),
            "stadium": _lines("Stadion Andi Mattalatta; Stadion Mattoanging; Lapangan Karebosi"),
            "landmark": _lines(
                "Benteng Rotterdam; Pantai Losari; Bandara Sultan Hasanuddin; Makam Pangeran Diponegoro; "
                "Monumen Mandala"
            ),
            "market": _lines("Pasar Terong; Pasar Butung; Pasar Daya"),
        },
    ),
    Region(
        "jayapura",
        "Kota Jayapura",
        "9171",
        ("PA",),
        "0967",
        "JYP",
        ("papuan", "moluccan", "bugis", "javanese"),
        ("sa", "ko", "dong", "kam", "tra", "su", "toh", "ka", "mo"),
        _lines("Bhayangkara; Gurabesi; Mandala; Trikora; Imbi; Angkasapura; Hamadi; Argapura; Entrop; Waena; Yabansai"),
        _lines("Jayapura Utara; Jayapura Selatan; Abepura; Heram; Muara Tami"),
        {
            "street_named_after_person": _lines(
                "Jl. Frans Kaisiepo; Jl. Silas Papare; Jl. Marthen Indey; Jl. Johannes Abraham Dimara; "
                "Jl. Yos Sudarso; Jl. Sam Ratulangi; Jl. Ahmad Yani; Jl. Nicolaas Jouwe"
            ),
            "hospital": _lines("RSUD Dok II Jayapura; RSUD Abepura; RS Marthen Indey; RS Dian Harapan"),
            "school": _lines("SMA Negeri 1 Jayapura; SD Inpres Entrop; SMP YPPK Santo Paulus"),
            "university": _lines("Universitas Cenderawasih; USTJ Jayapura"),
            "mosque": _lines("Masjid Raya Baiturrahim Jayapura; Masjid Agung Al-Aqsha Sentani"),
            "place_of_worship": _lines("Gereja Katedral Kristus Raja; GKI Pniel Kotaraja; GKI Harapan Abepura"),
            "stadium": _lines("Stadion Mandala; Stadion Lukas Enembe"),
            "landmark": _lines("Jembatan Youtefa; Bandara Sentani; Pantai Base G; Tugu MacArthur"),
            "market": _lines("Pasar Youtefa; Pasar Hamadi; Pasar Entrop"),
        },
    ),
    Region(
        "ambon",
        "Kota Ambon",
        "8171",
        ("DE",),
        "0911",
        "AMB",
        ("moluccan", "bugis", "chinese", "papuan"),
        ("beta", "ale", "katong", "seng", "su", "jua", "bagini", "lai"),
        _lines(
            "Honipopu; Uritetu; Batu Merah; Benteng; Waihaong; Nusaniwe; Kudamati; Ahusen; Karang Panjang; "
            "Passo; Latuhalat"
        ),
        _lines("Sirimau; Nusaniwe; Baguala; Teluk Ambon; Leitimur Selatan"),
        {
            "street_named_after_person": _lines(
                "Jl. Pattimura; Jl. Said Perintah; Jl. AY Patty; Jl. Dr. Kayadoe; Jl. Christina Martha Tiahahu; "
                "Jl. Sultan Hairun; Jl. Anthony Rhebok; Jl. AM Sangaji; Jl. Philip Latumahina; Jl. Dr. J. Leimena"
            ),
            "hospital": _lines("RSUD Dr. M. Haulussy; RSUP Dr. J. Leimena; RS Sumber Hidup; RS Bhayangkara Ambon"),
            "school": _lines("SMA Negeri 1 Ambon; SMP Negeri 9 Ambon; SD Negeri 2 Ambon"),
            "university": _lines("Universitas Pattimura; IAIN Ambon"),
            "mosque": _lines("Masjid Raya Al-Fatah; Masjid Jami Ambon"),
            "place_of_worship": _lines("Gereja Maranatha; Gereja Silo; Katedral Santo Fransiskus Xaverius"),
            "stadium": _lines("Stadion Mandala Remaja Karang Panjang"),
            "landmark": _lines(
                "Monumen Pattimura; Patung Martha Christina Tiahahu; Gong Perdamaian Dunia; Jembatan Merah Putih; "
                "Bandara Pattimura"
            ),
            "market": _lines("Pasar Mardika; Pasar Batu Merah"),
        },
    ),
    Region(
        "bandung",
        "Kota Bandung",
        "3273",
        ("D",),
        "022",
        "BDG",
        ("sundanese", "javanese", "chinese", "batak"),
        ("atuh", "euy", "mah", "teh", "wae", "nya", "kumaha", "mangga", "punten"),
        _lines(
            "Cihapit; Citarum; Tamansari; Lebak Siliwangi; Sukaluyu; Cicadas; Antapani Kidul; Cibangkong; "
            "Babakan Ciamis; Pasirkaliki"
        ),
        _lines("Bandung Wetan; Coblong; Cibeunying Kidul; Antapani; Batununggal"),
        {
            "street_named_after_person": _lines(
                "Jl. Ir. H. Juanda; Jl. Otto Iskandardinata; Jl. Dewi Sartika; Jl. Dr. Djunjunan; "
                "Jl. Dr. Setiabudhi; Jl. HOS Tjokroaminoto; Jl. Dipati Ukur; Jl. Moh. Toha; Jl. RE Martadinata; "
                "Jl. Ir. Sutami; Jl. Soekarno-Hatta"
            ),
            "hospital": _lines(
                "RSUP Dr. Hasan Sadikin; RSUD Al-Ihsan; RS Santo Borromeus; RS Immanuel; RSUD Kota Bandung"
            ),
            "school": _lines("SMA Negeri 3 Bandung; SD Negeri Cihapit; SMP Negeri 2 Bandung"),
            "university": _lines(
                "Institut Teknologi Bandung; Universitas Padjadjaran; Universitas Pendidikan Indonesia"
            ),
            "mosque": _lines("Masjid Raya Bandung; Masjid Pusdai; Masjid Salman ITB; Masjid Al-Jabbar"),
            "place_of_worship": _lines("Gereja Katedral Santo Petrus; Vihara Dharma Ramsi"),
            "stadium": _lines("Stadion Si Jalak Harupat; Stadion Siliwangi; Stadion Gelora Bandung Lautan Api"),
            "landmark": _lines("Gedung Sate; Gedung Merdeka; Bandara Husein Sastranegara; Monumen Perjuangan Rakyat"),
            "market": _lines("Pasar Kosambi; Pasar Baru Bandung; Pasar Kiaracondong"),
        },
    ),
    Region(
        "padang",
        "Kota Padang",
        "1371",
        ("BA",),
        "0751",
        "PDG",
        ("minang", "batak", "javanese", "chinese"),
        ("uda", "ambo", "awak", "yo", "bana", "indak", "ciek", "lah"),
        _lines(
            "Olo; Ujung Gurun; Belakang Tangsi; Kampung Jao; Alai Parak Kopi; Gunung Pangilun; Air Tawar Barat; "
            "Lolong Belanti; Parupuk Tabing"
        ),
        _lines("Padang Barat; Padang Utara; Nanggalo; Koto Tangah; Kuranji"),
        {
            "street_named_after_person": _lines(
                "Jl. Khatib Sulaiman; Jl. Prof. Dr. Hamka; Jl. M. Yamin; Jl. Rasuna Said; Jl. Bagindo Aziz Chan; "
                "Jl. Agus Salim; Jl. Imam Bonjol; Jl. Dr. Sutomo; Jl. S. Parman"
            ),
            "hospital": _lines("RSUP Dr. M. Djamil; RSUD dr. Rasidin; RS Yos Sudarso Padang"),
            "school": _lines("SMA Negeri 1 Padang; SMP Negeri 1 Padang; SD Negeri 05 Olo"),
            "university": _lines("Universitas Andalas; Universitas Negeri Padang; UIN Imam Bonjol"),
            "mosque": _lines("Masjid Raya Sumatera Barat; Masjid Raya Ganting; Masjid Nurul Iman Padang"),
            "place_of_worship": _lines("Gereja Katedral Padang; Klenteng See Hin Kiong"),
            "stadium": _lines("Stadion Haji Agus Salim; GOR H. Agus Salim"),
            "landmark": _lines("Jembatan Siti Nurbaya; Pantai Padang; Monumen Gempa; Bandara Minangkabau"),
            "market": _lines("Pasar Raya Padang; Pasar Alai; Pasar Lubuk Buaya"),
        },
    ),
    Region(
        "sumenep",
        "Kabupaten Sumenep",
        "3529",
        ("M",),
        "0328",
        "SMP",
        ("madurese", "javanese", "arab", "chinese"),
        ("cong", "lek", "ampon", "enggi", "ta'", "bhajheng", "mas", "la"),
        _lines("Pajagalan; Bangselok; Karangduak; Kepanjin; Pangarangan; Kolor; Pabian; Marengan Daya"),
        _lines("Kota Sumenep; Kalianget; Saronggi; Batuan; Lenteng"),
        {
            "street_named_after_person": _lines(
                "Jl. Trunojoyo; Jl. Arya Wiraraja; Jl. Adi Poday; Jl. KH. Mansyur; Jl. Dr. Cipto; "
                "Jl. Halim Perdanakusuma; Jl. KH. Agus Salim; Jl. RA Kartini"
            ),
            "hospital": _lines("RSUD dr. H. Moh. Anwar; RS Islam Garam Kalianget"),
            "school": _lines("SMA Negeri 1 Sumenep; SMP Negeri 1 Sumenep; MA Al-Amien Prenduan"),
            "university": _lines("Universitas Wiraraja; Universitas Trunojoyo"),
            "mosque": _lines("Masjid Jamik Sumenep; Masjid Agung Sumenep"),
            "place_of_worship": _lines("Klenteng Pao Sian Lin Kong; Gereja Maria Gunung Karmel"),
            "stadium": _lines("Stadion A. Yani Sumenep; GOR A. Yani"),
            "landmark": _lines("Keraton Sumenep; Asta Tinggi; Taman Bunga Sumenep; Museum Keraton Sumenep"),
            "market": _lines("Pasar Anom Baru; Pasar Bangkal"),
        },
    ),
)

# Public names found in many cities (the fallback when a region has none of a kind in a split).
NATIONAL: dict[str, tuple[str, ...]] = {
    "street_named_after_person": _lines(
        "Jl. Ahmad Yani; Jl. A. Yani; Jl. Jenderal Sudirman; Jl. Diponegoro; Jl. Gajah Mada; Jl. RA Kartini; "
        "Jl. Imam Bonjol; Jl. Teuku Umar; Jl. Hasanuddin; Jl. Cut Nyak Dien; Jl. Pangeran Antasari; "
        "Jl. KH. Hasyim Asyari; Jl. Moh. Hatta; Jl. MT Haryono; Jl. DI Panjaitan; Jl. Ki Hajar Dewantara; "
        "Jl. Urip Sumoharjo; Jl. Kapten Tendean; Jl. Letjen Suprapto; Jl. Adi Sucipto; Jl. MH Thamrin; "
        "Jl. Wolter Monginsidi; Jl. Basuki Rahmat; Jl. Bung Tomo; Jl. KH. Ahmad Dahlan; Jl. Hang Tuah; "
        "Jl. Panglima Polim; Jl. Tjut Meutia; Jl. Nyi Ageng Serang; Jl. Dr. Cipto Mangunkusumo; "
        "Jl. Pangeran Diponegoro; Jl. Dr. Soetomo; Jl. Raden Saleh; Jl. Sultan Agung; Jl. Dr. Wahidin; "
        "Jl. Sam Ratulangi; Jl. WR Supratman; Jl. S. Parman; Jl. Untung Suropati; Jl. Halmahera Raya"
    ),
    "hospital": _lines(
        "RSUD Dr. Soetomo; RSUP Dr. Sardjito; RSUD Dr. Saiful Anwar; RSUD Dr. Moewardi; RSUD Dr. Iskak; "
        "RSUP Dr. Kariadi; RSUP Fatmawati; RSPAD Gatot Soebroto; RSUD Dr. Soedono; RSUP Dr. Cipto Mangunkusumo; "
        "RSUD Syarifah Ambami Rato Ebu; RSUD Dr. Harjono; RSUD Kanujoso Djatiwibowo; RSUD Abdul Wahab Sjahranie; "
        "RSUD Bangil; RS Bhayangkara; RSUD Dr. Soekardjo; RS Siloam; RS Hermina"
    ),
    "school": _lines(
        "SD Kartini; SDN Kartini; SMP Kartini; SMA Diponegoro; SD Taman Siswa; SMK Dr. Soetomo; SMA Hang Tuah; "
        "SMP Sultan Agung; SMA Santo Yoseph; SD Santa Theresia; MI Sunan Giri; SMK Sunan Drajat; "
        "SD Ki Hajar Dewantara; SMA Cut Nyak Dien; SMP Teuku Umar; SMA Dewi Sartika; SD Muhammadiyah 4; "
        "MI Al-Hikmah; TK Aisyiyah Bustanul Athfal; SMP PGRI 2; SMK Negeri 1; SDN Kebonsari 2; SDN Ki Ageng Gribig"
    ),
    "university": _lines(
        "Universitas Brawijaya; Universitas Airlangga; Universitas Diponegoro; Universitas Gadjah Mada; "
        "Universitas Sam Ratulangi; UIN Sunan Ampel; UIN Syarif Hidayatullah; Universitas Jenderal Soedirman; "
        "Universitas Sebelas Maret; Universitas Negeri Malang; UIN Maulana Malik Ibrahim; Universitas Hang Tuah; "
        "Universitas Dr. Soetomo; Universitas Tarumanagara; Universitas Sultan Ageng Tirtayasa"
    ),
    "mosque": _lines(
        "Masjid Agung Al-Akbar; Masjid Istiqlal; Masjid Al-Ikhlas; Masjid Nurul Huda; Masjid Baiturrahman; "
        "Musala Al-Hidayah; Masjid Jami' Nurul Iman; Masjid Sunan Ampel; Masjid Sunan Kalijaga; Masjid Cheng Ho; "
        "Masjid KH Ahmad Dahlan; Masjid Jenderal Sudirman; Masjid Raya KH Hasyim Asyari; Masjid Sultan Suriansyah; "
        "Masjid Raya Baiturrahman; Musala Nurul Jannah; Masjid Al-Muttaqin"
    ),
    "place_of_worship": _lines(
        "Gereja Katedral Hati Kudus Yesus; Gereja Santo Yosef; GPIB Immanuel; Klenteng Sanggar Agung; "
        "Klenteng Hong Tiek Hian; Pura Agung Jagad Karana; Vihara Dhammadipa; Gereja Santa Maria; "
        "Gereja Kristen Jawi Wetan; HKBP Pasuruan; Pura Mandaragiri Semeru Agung; Gereja Santo Paulus"
    ),
    "stadium": _lines(
        "Stadion Gelora Bung Tomo; Stadion Gelora Bung Karno; Stadion Kanjuruhan; Stadion Gajayana; "
        "Stadion Manahan; Stadion Maguwoharjo; Stadion Sultan Agung; Stadion Joko Samudro; Stadion Soepriadi; "
        "Stadion Brawijaya; Stadion Gelora Delta; Stadion Surajaya; Stadion Ratu Pamelingan; Stadion Jatidiri; "
        "GOR Ken Arok; Stadion Moch. Soebroto; Stadion Wijaya Kusuma; Stadion Harapan Bangsa"
    ),
    "landmark": _lines(
        "Bandara Juanda; Bandara Soekarno-Hatta; Bandara Abdul Rachman Saleh; Pelabuhan Tanjung Perak; "
        "Terminal Purabaya; Terminal Arjosari; Jembatan Suramadu; Taman Bungkul; Monumen Kapal Selam; "
        "Tugu Pahlawan; Taman Makam Pahlawan; Taman Suropati; Monumen Jenderal Sudirman; Gedung Juang 45; "
        "Makam Bung Karno; Taman Apsari; Museum Sri Baduga"
    ),
    "market": _lines(
        "Pasar Besar; Pasar Baru; Pasar Induk; Pasar Legi; Pasar Kliwon; Pasar Wage; Pasar Pon; Pasar Senggol"
    ),
}

# Agencies by the topic a complaint is about ({dinas:air} in a template); {dinas} takes any.
AGENCIES: dict[str, tuple[str, ...]] = {
    "jalan": _lines("Dinas PUPR; Dinas Pekerjaan Umum dan Penataan Ruang; Dinas PU Bina Marga; Disperkim"),
    "sampah": _lines("DLH; Dinas Lingkungan Hidup; Dinas Kebersihan dan Pertamanan; DLH Kota"),
    "air": _lines("PDAM; Perumda Air Minum; PDAM Tirta Kencana; Perumda Air Minum Tirta Dharma"),
    "listrik": _lines("PLN; PLN ULP; PT PLN (Persero); PLN UP3"),
    "lampu": _lines("Dishub; Dinas Perhubungan; Disperkim; UPT PJU"),
    "dokumen": _lines("Dispendukcapil; Disdukcapil; Dinas Kependudukan dan Pencatatan Sipil; Kantor Kelurahan"),
    "sosial": _lines("Dinas Sosial; Dinsos; Dinsos P3A; Bagian Kesra"),
    "kesehatan": _lines("Dinkes; Dinas Kesehatan; BPJS Kesehatan; Dinas Kesehatan Kota"),
    "sekolah": _lines("Dinas Pendidikan; Disdik; Dinas Pendidikan dan Kebudayaan; Disdikbud"),
    "tertib": _lines("Satpol PP; Satuan Polisi Pamong Praja; Polsek; Polres"),
    "bencana": _lines("BPBD; Damkar; Dinas Pemadam Kebakaran; Basarnas"),
    "pajak": _lines("Bapenda; Badan Pendapatan Daerah; BPKAD; Samsat"),
    "tanah": _lines("Kantor Pertanahan; BPN; Dinas Pertanahan"),
    "imigrasi": _lines("Kantor Imigrasi; Imigrasi Kelas I"),
    "pasar": _lines("Dinas Perdagangan; Disperindag; UPT Pasar; Dinas Koperasi dan UMKM"),
    "kerja": _lines("Disnaker; Dinas Tenaga Kerja; Dinas Koperasi dan UMKM; BLK"),
    "umum": _lines("Inspektorat; Diskominfo; Kantor Kecamatan; Bagian Umum Setda; DPRD; Ombudsman RI"),
}

# Streets of house addresses: ordinary words, as most residential streets and alleys are named.
ADDRESS_STREETS = _lines(
    "Jl. Melati; Jl. Mawar; Jl. Kenanga; Jl. Flamboyan; Jl. Anggrek; Jl. Cempaka; Jl. Dahlia; Jl. Kamboja; "
    "Jl. Nangka; Jl. Manggis; Jl. Rambutan; Jl. Durian; Jl. Kutilang; Jl. Merpati; Jl. Cendrawasih; "
    "Jl. Rajawali; Jl. Mangga; Jl. Salak; Jl. Delima; Jl. Sawo; Gg. Mawar; Gg. Melati; Gg. Buntu; Gg. Masjid; "
    "Gg. Kelinci; Jl. Pahlawan; Jl. Veteran; Jl. Merdeka; Jl. Kemuning; Jl. Seruni; Jl. Teratai; Jl. Bintang; "
    "Jl. Bulan; Jl. Intan; Jl. Mutiara; Jl. Permata; Jl. Sabar; Jl. Rahayu; Jl. Lestari; Perum Griya Asri; "
    "Perum Pondok Indah; Perumahan Bumi Mas; Perum Taman Sari; Jl. Raya; Jl. Kampung Baru"
)

# Ordinary streets (public: a place where something is broken, not anyone's address).
PLAIN_STREETS = _lines(
    "Jl. Melati; Jl. Mawar; Jl. Kenanga; Jl. Flamboyan; Jl. Anggrek; Jl. Nangka; Jl. Kutilang; Jl. Merpati; "
    "Jl. Pahlawan; Jl. Veteran; Jl. Merdeka; Jl. Raya Bangil; Jl. Raya Utama; Jl. Bintang; Jl. Intan; "
    "Jl. Sabar; Jl. Lingkar Timur; Jl. Pelabuhan; Jl. Pasar; Jl. Stasiun; Jl. Kalimantan; Jl. Sumatera; "
    "Jl. Irian; Jl. Seram; Jl. Batu Merah; Jl. Rahayu; Jl. Embun Pagi; Jl. Pelangi"
)


def named(region: Region, category: str, split: str) -> tuple[str, ...]:
    """The public names of `category` in `region` for `split` (the national list if none)."""
    local = keep(region.named.get(category, ()), split)
    return local or keep(NATIONAL[category], split)


def all_named(split: str) -> dict[str, set[str]]:
    """Every named public place of `split`, by category (for the disjointness test)."""
    out: dict[str, set[str]] = {}
    for category, names in NATIONAL.items():
        out.setdefault(category, set()).update(keep(names, split))
    for region in REGIONS:
        for category, names in region.named.items():
            out.setdefault(category, set()).update(keep(names, split))
    return out


def region_by_key(key: str) -> Region:
    """The region called `key`."""
    for region in REGIONS:
        if region.key == key:
            return region
    raise KeyError(key)
