"""Person names of Indonesia's naming traditions, written for this corpus, and how they combine.

Every list entry is one token of a personal name (a given name, a clan or family name, a
Makassar paddaengang). Each entry belongs to one split by the fixed hash in `split`, and a
person of a split is built from that split's entries only, so the held-out half has names the
tuned half never showed. A few closed-class words that are part of registered names (Balinese
"I"/"Ni" and birth-order names, caste titles, Bugis "Andi", Makassar "Daeng", Madurese
abbreviations such as "Moh.") are shared by both splits: they are not a list to memorise but a
structure to recognise.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from corpus3.split import keep


@dataclass(frozen=True)
class Tradition:
    """The name lists of one naming tradition."""

    key: str
    given_m: tuple[str, ...]
    given_f: tuple[str, ...]
    family: tuple[str, ...] = ()
    family_f: tuple[str, ...] = ()  # second names only women carry (Javanese "-wati", Sundanese "-ah")
    clans: tuple[str, ...] = ()  # Chinese one-syllable clan names
    syllables_m: tuple[str, ...] = ()  # Chinese given syllables
    syllables_f: tuple[str, ...] = ()

    def entries(self) -> tuple[str, ...]:
        """Every list entry of the tradition, once."""
        lists = (self.given_m, self.given_f, self.family, self.family_f, self.clans, self.syllables_m, self.syllables_f)
        return tuple(dict.fromkeys(e for lst in lists for e in lst))

    def only(self, split: str) -> Tradition:
        """The same tradition with only the entries of `split`."""
        return Tradition(
            self.key,
            keep(self.given_m, split),
            keep(self.given_f, split),
            keep(self.family, split),
            keep(self.family_f, split),
            keep(self.clans, split),
            keep(self.syllables_m, split),
            keep(self.syllables_f, split),
        )


@dataclass(frozen=True)
class Person:
    """One person: the name as registered, the name people call them by, and who they are."""

    full: str
    short: str
    gender: str  # "m" or "f"
    tradition: str

    def tokens(self) -> list[str]:
        """The name's letters-only words, for e-mail addresses and handles."""
        return [t.lower() for t in re.findall(r"[A-Za-z]+", self.full) if t not in _NOT_IN_HANDLES]


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Shared structure (not split): part of registered names in their tradition.
BALI_ORDER = ("Wayan", "Putu", "Gede", "Made", "Kadek", "Nengah", "Nyoman", "Komang", "Ketut")
BALI_CASTE_M = ("Ida Bagus", "Anak Agung Gede", "I Gusti Ngurah", "I Gusti Made", "Cokorda Gede", "I Dewa Gede")
BALI_CASTE_F = ("Ida Ayu", "Anak Agung Ayu", "I Gusti Ayu", "Desak Made", "Dewa Ayu")
MADURA_ABBREV = ("Moh.", "Moch.", "Muh.", "Ach.", "M.")
TITLES_IN_NAME = {"aceh": ("Teuku", "Cut"), "sasak": ("Lalu", "Baiq")}  # (men's, women's)
MARKERS = frozenset(
    {"I", "Ni", "Luh", "Andi", "Daeng", "br.", "Abd.", "Teuku", "Cut", "Lalu", "Baiq"}
    | set(BALI_ORDER)
    | {w for phrase in BALI_CASTE_M + BALI_CASTE_F for w in phrase.split()}
    | set(MADURA_ABBREV)
)
_NOT_IN_HANDLES = {"I", "Ni", "br", "M", "Moh", "Moch", "Muh", "Ach", "Abd"}

TRADITIONS: dict[str, Tradition] = {
    t.key: t
    for t in (
        Tradition(
            "javanese",
            _words(
                "Slamet Sutrisno Paijo Wagiman Mulyono Sugiarto Karyadi Tarmuji Poniman Giyanto Sumarno "
                "Suwarno Sukirman Parjo Tukimin Ngadiman Sarno Wardoyo Joko Bambang Suparman Darsono Kasmin "
                "Supardi Sutikno Marsudi Ponidi Jumadi Sugeng Mujiono Rohmad Kuswanto Heru Wahyudi Sukardi "
                "Gimin Tumijo Pardi Legimin Sukarjo Waluyo Harjono Sadimin Kateno Mardi Eko Dwi Tri"
            ),
            _words(
                "Tukiyem Sumarni Suparmi Ngatini Sukinah Painem Wartini Darmi Kasiyem Rusmini Sumiati "
                "Tumirah Sarinah Sulastri Suyatmi Ngatmi Paini Marsini Tarmi Sutini Wagiyem Sukarti Partini "
                "Juminten Sriyani Yuliani Wiwik Warsini Sumirah Ngadinah Lasmi Katiyem Parmi Rukmini "
                "Sundari Wati Tini Sunarsih Sri Endah Siti"
            ),
            _words(
                "Santoso Prasetyo Wibowo Hartono Susilo Purnomo Nugroho Kurniawan Saputro Wicaksono "
                "Pamungkas Sasongko Hadiwijoyo Suryadi Prakoso Raharjo Utomo Widodo Haryanto Susanto Budiono"
            ),
            _words("Handayani Wahyuni Sulistyowati Puspitasari Kusumawati Wulandari Setyaningsih Rahmawati Ningsih"),
        ),
        Tradition(
            "sundanese",
            _words(
                "Asep Ujang Cecep Dadang Entis Aep Yayan Tatang Dadan Nanang Jajang Engkus Oman Odih Komar "
                "Deden Wawan Encep Ucup Dudung Engkos Atang Iyus Ayi Dedi Usep Acep Ujang Yaya"
            ),
            _words(
                "Euis Neneng Iis Cucu Enok Nining Ikah Elis Lilis Titin Tuti Yati Entin Imas Eneng Nunung "
                "Popon Eti Cicih Ipah Onih Teti Yeyen Nenden Ai Oneng"
            ),
            _words(
                "Sutisna Suryana Saepudin Supriatna Hidayat Sumpena Rukmana Permana Sopandi Mulyana Kusnadi "
                "Sobari Sukmana Hermawan Suherman Jaelani Kosasih Hamdani Ruhiyat Wiharja Somantri Rusmana Darajat"
            ),
            _words("Komariah Rohaeti Nurjanah Kurniasih Rostiani Maryati Hayati Solihah Aisah Rohimah Nurhayati"),
        ),
        Tradition(
            "balinese",
            _words(
                "Sudarsana Artawan Suardana Wirawan Sutama Mertayasa Sukadana Darmayasa Budiarta Suarjana "
                "Parwata Sudiarta Adnyana Wiranata Astawa Sumerta Arsana Sukerta Widiana Yasa Antara Karma "
                "Suweca Ardana Wisnawa Sukarya Mahardika Swastika"
            ),
            _words(
                "Sukasih Ariani Sriasih Suartini Sukmawati Darmini Puspawati Sekarini Sudiasih Mertasari "
                "Arsini Suciani Widiastuti Rusmiani Purnamasari Juliantari Sartini Suarni Wirastini "
                "Kariasih Sulasmini"
            ),
        ),
        Tradition(
            "batak",
            _words(
                "Togar Parulian Hotman Binsar Tumpal Lamhot Sahat Maruli Poltak Bonar Gomgom Marihot Jonggi "
                "Tigor Halomoan Torang Martua Ucok Mangara Darwin Janter Robinson Pardamean Saut Hisar"
            ),
            _words(
                "Tiurma Rotua Dormauli Romauli Lasma Tiomina Masniari Lamria Butet Sondang Nurmaida Roslina "
                "Hotnida Tiur Rosdiana Marintan Nauli Rospita Saur Hotmaida"
            ),
            _words(
                "Simanjuntak Siregar Nasution Lubis Hutapea Sitompul Panjaitan Pardede Sinaga Simatupang "
                "Tampubolon Situmorang Manurung Sihombing Silalahi Hutagalung Harahap Daulay Ginting Tarigan "
                "Sembiring Saragih Purba Damanik Sitorus Napitupulu Marpaung Hasibuan Pasaribu Sianturi "
                "Gultom Samosir Sihotang Butarbutar Aritonang Rajagukguk Simbolon Matondang Perangin-angin"
            ),
        ),
        Tradition(
            "minang",
            _words(
                "Afrizal Zulkifli Yusrizal Syahrial Hendri Jasman Buyung Amril Syafruddin Irwandi Firdaus "
                "Zulhendri Refki Masrul Yondri Asrul Nofrizal Desmon Jonni Mardanus Yulizar Alfian Yuskardi"
            ),
            _words(
                "Rosnida Yusnimar Desmawati Zuraida Rosmaniar Syafrida Asnimar Yulnita Nurlela Ernawati "
                "Yusra Rahmi Elfira Nofriyanti Desriyanti Yelmi Sastri Upiak Yulidar"
            ),
            _words(
                "Chaniago Piliang Koto Tanjung Sikumbang Jambak Guci Panyalai Mandailiang Sumagek Bendang "
                "Kampai Salayan Sipisang Caniago"
            ),
        ),
        Tradition(
            "bugis",
            _words(
                "Baso Mappaselle Mappiasse Sompa Lolo Upe Mappanyukki Patahuddin Makkasau Massalle Sappe "
                "Lanto Palallo Mappatunru Pawelloi Mustari Syamsuddin Amiruddin Ambo Lauddin"
            ),
            _words(
                "Tenriajeng Tenriwaru Becce Besse Tenriabeng Anri Masnaeni Hasnawati Nurbaya "
                "Tenripada Megawati Sitti Rahmawati Nurhaedah"
            ),
            _words(
                "Mallarangeng Pangerang Makkulau Pananrangi Sumange Tenritatta Mappangara Tanri Mappatoba "
                "Parenrengi Mappagau Alimuddin Rappe Palaguna"
            ),
        ),
        Tradition(
            "makassar",
            _words(
                "Syarifuddin Kamaruddin Nurdin Baharuddin Hamzah Jumaing Sanusi Mustamin Tajuddin "
                "Sainuddin Muhlis Rahmatullah Sangkala Mannagalli Nompo"
            ),
            _words(
                "Nurhaeda Hasnah Rahmatia Nurmiati Hadijah Kasmawati Suriani Nursiah Jumriah Sitti Hasmawati Rosdiana"
            ),
            # paddaengang: the "Daeng" name a Makassar adult is called by
            _words(
                "Ngalle Ngawing Ngemba Sikki Nai Rannu Kebo Tiro Bau Ngugi Sese Baji Bollo Caya Jarre "
                "Lallo Mangung Rani Sila Limpo Ngitung Sibali Tompo Rurung Sanga Kanang Tene Ngai Sugi"
            ),
        ),
        Tradition(
            "chinese",
            _words("Hendra Stefanus Kevin Vincent Andreas Felix Ricky Hendrik Jimmy Wilson Rudy Ferry Sugiono"),
            _words(
                "Yohana Felicia Jessica Meliana Lenny Vivian Natalia Shirley Cindy Fenny Angelina Lily Lydia "
                "Yenny Herlina"
            ),
            # adopted Indonesian surnames
            _words(
                "Wijaya Tanoto Halim Gunawan Tanudjaja Hartanto Sugianto Liemantara Tjahjadi Widjaja Gozali "
                "Sutanto Lukito Hadinata Tanuwidjaja Kurniadi Budiman Kartadinata Tanaya Oentoro Tandiono "
                "Gunadi Setiadi"
            ),
            clans=_words(
                "Tan Lie Oei Liem Ong Go Kwee Tjoa The Lim Tio Siauw Khoe Njoo Gouw Thio Tjan Sie Ang Kho "
                "Yap Ho Lauw Tjhin Bong Phang"
            ),
            syllables_m=_words(
                "Siu Kim Hok Bun Hong Liong Djien Gwan Hian Tek Kiat Soen Kian Seng Tiong Hoei Tjiang Kwan"
            ),
            syllables_f=_words("Lan Mei Ling Hwa Swie Ing Nio Giok Bwee Yan Fen Hui Ay Lian Kiok"),
        ),
        Tradition(
            "arab",
            _words(
                "Husein Fadel Salim Umar Alwi Muhsin Hamid Abdullah Hasan Zein Jafar Muhammad Novel Ali "
                "Thalib Idrus Quraisy Faris Hadi Segaf Agil Ahmad"
            ),
            _words("Aisyah Khadijah Nabila Syifa Rugayah Salma Maryam Sadiyah Lubna Hanan Mariam Farah Fatma Nur"),
            _words(
                "Alatas Assegaf Baswedan Alhabsyi Alaydrus Aljufri Bahasuan Bafagih Alkaff Alhadar Bawazier "
                "Basalamah Baragbah Alhamid Shahab Almusawa Alqadri Bachmid Bamualim Bahreisy Baraja "
                "Badjeber Alamudi Bawahab Al-Attas Bahmid Mahdami"
            ),
        ),
        Tradition(
            "papuan",
            _words(
                "Yohanes Marthen Frans Yulianus Octovianus Sefnat Yosias Natalis Elias Benny Demianus Markus "
                "Yakob Hendrikus Piet Obed Yunus Nikolas Ruben Melkias Zakarias Salmon Karel Yermias"
            ),
            _words(
                "Dorkas Yuliana Mince Ester Ribka Martina Regina Yosina Naomi Sara Elisabeth Fransina "
                "Mariana Lea Debora Rahel Lince Yakomina Orpa"
            ),
            _words(
                "Wenda Kogoya Tabuni Wonda Murib Rumbiak Rumkorem Mandacan Kambu Awom Yoku Wanggai Karubaba "
                "Ayomi Mote Pigai Gobai Tebay Degei Wakerkwa Wetipo Kossay Kareth Sawaki Sroyer Korwa Ansaka "
                "Mambor Rumaropen Waromi Rumbewas Yikwa Kobak Douw Magai Wandik Heluka Itlay Nawipa Tekege "
                "Suebu Rumere"
            ),
        ),
        Tradition(
            "moluccan",
            _words(
                "Jopie Nus Marlon Cornelis Welem Semuel Johny Dominggus Yance Bram Otis Eli Hengky Stevy "
                "Abubakar Ismail Rizal Mozes Alfons Boy"
            ),
            _words(
                "Agustina Theresia Merry Bety Carolina Welhelmina Jeane Yolanda Olivia Petronela Sherly "
                "Femy Hawa Salma Ona"
            ),
            _words(
                "Pattiasina Latuheru Tuhumury Siahaya Pelupessy Lekatompessy Sahetapy Tahapary "
                "Leiwakabessy Manuputty Wattimena Ririmasse Lewerissa Salampessy Latumahina Tupamahu Huwae "
                "Hehanussa Sopacua Nanlohy Tanamal Souisa Tuasikal Ohorella Latuconsina Tuanaya Wakanno "
                "Loppies Nikijuluw Tomasoa Hukom Sapulete Rumra Pattinama"
            ),
        ),
        Tradition(
            "madurese",
            _words(
                "Sahri Matrawi Busiri Sanemo Asmuni Jumali Fauzi Mursyid Holis Suhaimi Marsuki Mattali "
                "Juhari Buhari Rasyidi Tohir Hosen Samsul Sukron Rofiq Jufri Hannan Ahsan Faisol Syafii "
                "Baidowi Mahfud Sanhaji Mukit Zaini"
            ),
            _words(
                "Mardiyah Suniyah Hosnia Zainab Maimunah Kustiyah Atiqah Munawwarah Halimah Fatimah Rohmah "
                "Sumaiyah Hafsah Jamilah Rukayyah Misnawati Sakdiyah Sunaidah Muzayyanah"
            ),
            # the name after "Abd." (Abdul ...)
            _words("Rahman Wahid Muin Kadir Aziz Rasyid Basith Ghofur Majid Syakur Latif Halim Karim"),
        ),
        Tradition(
            "ordinary_word",  # names that are ordinary words: flowers, virtues, nature
            _words(
                "Sabar Bintang Fajar Langit Bayu Samudra Guntur Setia Untung Rejeki Surya Angkasa Badai Teguh "
                "Tekun Damai Mulia Tulus Sentosa Perkasa Budi Rimba Cahya Awan Sakti Arif Ikhlas Iman Syukur "
                "Makmur Jaya Ombak Karang Pelita Gunung Petir Rajin"
            ),
            _words(
                "Melati Intan Bunga Mawar Kenanga Cempaka Dahlia Seruni Kemuning Embun Pelangi Mentari Wulan "
                "Bulan Purnama Mutiara Permata Berlian Lestari Rahayu Suci Murni Indah Wangi Sekar Kasih "
                "Cinta Ratna Tiara Anggrek Kirana Cahaya Senja Sinar Harum Teratai Mega Nirmala Sejati"
            ),
        ),
        Tradition(
            "minahasa",
            _words(
                "Jefry Novry Hendry Stenly Frangky Meyer Jemmy Roy Youdy Arnold Recky Deiby Noldy Fentje "
                "Royke Jopy Tommy"
            ),
            _words("Meiske Vonny Grace Stella Olga Marlyn Deasy Feibe Inggrid Sintje Novita Jeanette Lenny Tineke"),
            _words(
                "Wowor Rumengan Pangemanan Sondakh Lumenta Mandagi Tumbelaka Rondonuwu Sumampouw Wenas "
                "Pinontoan Lengkong Kalalo Mamahit Rumondor Tangkilisan Palit Karundeng Walangitan Supit "
                "Mononutu Lasut Runtuwene Kaunang"
            ),
        ),
        Tradition(
            "aceh",  # no family names; "Teuku"/"Cut" are part of a registered name
            _words(
                "Muzakir Nazaruddin Zulfikar Fakhrurrazi Iskandar Murtala Maimun Khairul Safrizal "
                "Jamaluddin Razali Muhajir Syahrul Bukhari Marzuki Mukhlis Azhari Rusli Hasballah Yusri"
            ),
            _words(
                "Nurul Raihan Zahratul Rahmah Fitriani Mutia Ainul Rosmiati Nuraini Mardhiah "
                "Ulfa Safrina Khairiah Husna Zuhra"
            ),
        ),
        Tradition(
            "sasak",  # Lombok: "Lalu"/"Baiq" for the noble-born, part of the registered name
            _words(
                "Zohri Gita Ariadi Sahnan Mahsun Saparudin Hamdi Jumarsa Sahabudin Rumaksi Kartawi Nursaid "
                "Mahrup Sapii Suhaili Amrullah Junaidi Zulkarnain"
            ),
            _words("Nuril Mahyuni Rabiatul Saenah Mahnim Hartini Muslihah Sahnun Murni Rukmini Halimatussadiah Sumiah"),
        ),
        Tradition(
            "ntt",  # Flores, Timor and Alor: Catholic and Protestant given names, clan names
            _words(
                "Fransiskus Agustinus Kornelis Aloysius Petrus Gregorius Servasius Laurensius Yosef Viktor "
                "Benediktus Bernadus Yeremias Ignasius Marselinus Dominikus"
            ),
            _words(
                "Maria Fransiska Veronika Anastasia Bernadeta Skolastika Oktaviana Yasinta Margaretha "
                "Emerensiana Florentina Yovita Modesta"
            ),
            _words(
                "Ndolu Seran Nope Tefa Bria Lake Kolo Fernandez Parera Lewar Making Kelen Koten Beda Wangge "
                "Dhae Tallo Benu Nenobais Manehat Lerik Sabu Tukan Ladjar"
            ),
        ),
        Tradition(
            "modern",  # names of children born after 2005, rarely in any list
            _words(
                "Rafandra Kenzo Alvaro Naufal Danendra Arkana Rayyan Zidane Keenan Athar Arsenio Gibran "
                "Fathan Alfarizqi Daffa Raffi Elvano Sakha Ghazi Byan Abrisam"
            ),
            _words(
                "Aqila Nayla Alesha Arsyila Zivana Kayla Keisha Shakila Zaskia Qirani Khaira Nadhira Azzahra "
                "Syakira Aluna Kanaya Almira Nafisa Raisya Queena Humaira"
            ),
        ),
    )
}

# How people address someone of a tradition (unlabelled text: the honorific is not the name).
HONORIFICS: dict[str, dict[str, tuple[str, ...]]] = {
    "javanese": {
        "m": ("Pak", "Bapak", "Mas", "Mbah", "Pakde", "Cak", "Kang"),
        "f": ("Bu", "Ibu", "Mbak", "Mbok", "Bude", "Mbah", "Ning"),
    },
    "sundanese": {"m": ("Pak", "Kang", "Akang", "Mang", "Abah", "Aki"), "f": ("Bu", "Teh", "Ceu", "Bi", "Ema", "Nini")},
    "balinese": {"m": ("Pak", "Bli", "Bapak", "Jero"), "f": ("Bu", "Mbok", "Ibu", "Jero")},
    "batak": {
        "m": ("Pak", "Bang", "Amang", "Lae", "Opung", "Tulang"),
        "f": ("Bu", "Kak", "Inang", "Ito", "Opung", "Nantulang"),
    },
    "minang": {"m": ("Pak", "Uda", "Angku", "Mak", "Buya"), "f": ("Bu", "Uni", "Etek", "Amai")},
    "bugis": {"m": ("Pak", "Puang", "Bapak", "Kak"), "f": ("Bu", "Puang", "Ibu", "Kak")},
    "makassar": {"m": ("Pak", "Bapak", "Karaeng"), "f": ("Bu", "Ibu", "Kak")},
    "chinese": {"m": ("Pak", "Koh", "Ko", "Engkoh", "Om"), "f": ("Bu", "Ci", "Cik", "Cece", "Tante")},
    "arab": {"m": ("Pak", "Habib", "Ustaz", "Om", "Sayid"), "f": ("Bu", "Syarifah", "Ustazah", "Ibu")},
    "papuan": {"m": ("Pak", "Bapa", "Kaka", "Pace", "Om", "Tete"), "f": ("Bu", "Mama", "Kaka", "Mace", "Nene")},
    "moluccan": {"m": ("Pak", "Bung", "Om", "Bapa", "Nyong"), "f": ("Bu", "Usi", "Tanta", "Mama", "Nona")},
    "madurese": {
        "m": ("Pak", "Cak", "Ke", "Lora", "Pak Haji", "Mas"),
        "f": ("Bu", "Mbak", "Bu Nyai", "Bu Haji", "Mbok"),
    },
    "ordinary_word": {"m": ("Pak", "Mas", "Bapak", "Kak", "Bang"), "f": ("Bu", "Mbak", "Ibu", "Kak", "Dik")},
    "modern": {"m": ("Mas", "Kak", "Dik", "ananda"), "f": ("Mbak", "Kak", "Dik", "ananda")},
    "minahasa": {"m": ("Pak", "Om", "Bung", "Opa", "Ko"), "f": ("Bu", "Tante", "Oma", "Usi", "Nona")},
    "aceh": {"m": ("Pak", "Bang", "Tgk.", "Ampon", "Ayah"), "f": ("Bu", "Kak", "Mak", "Cutbang", "Nyak")},
    "sasak": {"m": ("Pak", "Mamiq", "Amaq", "Tuan Guru", "Bang"), "f": ("Bu", "Inaq", "Mamiq", "Kak", "Dinda")},
    "ntt": {"m": ("Pak", "Bapa", "Om", "Kaka", "Ama", "Opa"), "f": ("Bu", "Mama", "Tanta", "Kaka", "Ina", "Oma")},
}


def name_entries(split: str) -> dict[str, tuple[str, ...]]:
    """Every name entry of `split`, by tradition (the lists a test checks for disjointness)."""
    return {key: t.only(split).entries() for key, t in TRADITIONS.items()}


def _drop_first_syllable(name: str) -> str:
    m = re.match(r"^(Ng[aeiou]|[A-Z][aeiou])([b-df-hj-np-tv-z][aeiou]|[bdgkpt][rl])", name)
    if not m or len(name) < 6:
        return name
    return name[len(m.group(1)) :].capitalize()


class Namer:
    """Makes people of one split; every name token comes from that split's lists."""

    def __init__(self, split: str) -> None:
        self.split = split
        self._lists = {key: t.only(split) for key, t in TRADITIONS.items()}
        other = "heldout" if split == "tune" else "tune"
        self._foreign = {e for t in TRADITIONS.values() for e in t.only(other).entries()}
        self._foreign_nicknames = {_drop_first_syllable(e) for e in self._foreign}

    def person(self, rng: random.Random, tradition: str, gender: str) -> Person:
        """A person of `tradition` and `gender` ("m" or "f")."""
        t = self._lists[tradition]
        given = t.given_m if gender == "m" else t.given_f
        g = rng.choice(given)
        full, short = getattr(self, "_" + tradition)(rng, t, gender, g)
        return Person(full, short, gender, tradition)

    def honorific(self, rng: random.Random, person: Person) -> str:
        """A way to address `person`: the plain Pak/Bu half the time, else their tradition's own."""
        if rng.random() < 0.5:
            return "Pak" if person.gender == "m" else "Bu"
        return rng.choice(HONORIFICS[person.tradition][person.gender])

    def _nickname(self, name: str) -> str:
        """A Javanese calling name, the name without its first syllable (Sutrisno -> Trisno,
        Sumarni -> Marni, Ngatini -> Tini); the name itself when that does not work or when the
        other split could give the same word."""
        nick = _drop_first_syllable(name)
        return name if nick in self._foreign or nick in self._foreign_nicknames else nick

    # One builder per tradition: (full registered name, short name people use).

    def _javanese(self, rng: random.Random, t: Tradition, gender: str, g: str) -> tuple[str, str]:
        if rng.random() < 0.55:  # the single-name Javanese, as on many older ID cards
            return g, self._nickname(g) if rng.random() < 0.3 else g
        second = rng.choice(t.family_f if gender == "f" and t.family_f and rng.random() < 0.7 else t.family)
        return f"{g} {second}", g

    def _sundanese(self, rng: random.Random, t: Tradition, gender: str, g: str) -> tuple[str, str]:
        if rng.random() < 0.25:
            return g, g
        second = rng.choice(t.family_f if gender == "f" else t.family)
        return f"{g} {second}", g

    def _balinese(self, rng: random.Random, t: Tradition, gender: str, g: str) -> tuple[str, str]:
        if rng.random() < 0.2:
            caste = rng.choice(BALI_CASTE_M if gender == "m" else BALI_CASTE_F)
            return f"{caste} {g}", g
        if rng.random() < 0.25:
            g = f"{g} {rng.choice(t.given_m if gender == 'm' else t.given_f)}"
        if gender == "f" and rng.random() < 0.2:
            return f"Ni Luh {g}", g.split()[0]
        order = rng.choice(BALI_ORDER)
        lead = "I" if gender == "m" else "Ni"
        return f"{lead} {order} {g}", rng.choice((order, order, g.split()[0]))

    def _batak(self, rng: random.Random, t: Tradition, gender: str, g: str) -> tuple[str, str]:
        marga = rng.choice(t.family)
        if gender == "f" and rng.random() < 0.4:
            return f"{g} br. {marga}", g
        return f"{g} {marga}", rng.choice((g, marga))

    def _minang(self, rng: random.Random, t: Tradition, gender: str, g: str) -> tuple[str, str]:
        if rng.random() < 0.4:
            return g, g
        return f"{g} {rng.choice(t.family)}", g

    def _bugis(self, rng: random.Random, t: Tradition, gender: str, g: str) -> tuple[str, str]:
        if rng.random() < 0.45:
            return f"Andi {g} {rng.choice(t.family)}", f"Andi {g}"
        if rng.random() < 0.5:
            return f"Andi {g}", f"Andi {g}"
        return f"{g} {rng.choice(t.family)}", g

    def _makassar(self, rng: random.Random, t: Tradition, gender: str, g: str) -> tuple[str, str]:
        daeng = f"Daeng {rng.choice(t.family)}"
        if rng.random() < 0.3:
            return daeng, daeng
        return f"{g} {daeng}", rng.choice((daeng, g))

    def _chinese(self, rng: random.Random, t: Tradition, gender: str, g: str) -> tuple[str, str]:
        syllables = t.syllables_m if gender == "m" else t.syllables_f
        roll = rng.random()
        if roll < 0.15:  # one syllable: a clan name, as people call an older shopkeeper
            c = rng.choice(t.clans)
            return c, c
        if roll < 0.55:  # two or three syllables: Liem Hok, Tan Siu Lan
            c = rng.choice(t.clans)
            gs = rng.sample(syllables, k=rng.choice((1, 2)))
            return " ".join([c, *gs]), " ".join(gs)
        if roll < 0.7:  # an Indonesian given name with the clan name kept: Hendra Liem
            return f"{g} {rng.choice(t.clans)}", g
        return f"{g} {rng.choice(t.family)}", g

    def _arab(self, rng: random.Random, t: Tradition, gender: str, g: str) -> tuple[str, str]:
        fam = rng.choice(t.family)
        return f"{g} {fam}", rng.choice((g, fam))

    def _papuan(self, rng: random.Random, t: Tradition, gender: str, g: str) -> tuple[str, str]:
        fam = rng.choice(t.family)
        return f"{g} {fam}", rng.choice((g, g, fam))

    def _moluccan(self, rng: random.Random, t: Tradition, gender: str, g: str) -> tuple[str, str]:
        fam = rng.choice(t.family)
        return f"{g} {fam}", rng.choice((g, fam))

    def _madurese(self, rng: random.Random, t: Tradition, gender: str, g: str) -> tuple[str, str]:
        if gender == "f":
            if rng.random() < 0.5:
                return g, g
            second = rng.choice(t.given_f)
            return (g, g) if second == g else (f"{g} {second}", g)
        if t.family and rng.random() < 0.3:
            rest = rng.choice(t.family)
            return f"Abd. {rest}", rest
        return f"{rng.choice(MADURA_ABBREV)} {g}", g

    def _ordinary_word(self, rng: random.Random, t: Tradition, gender: str, g: str) -> tuple[str, str]:
        if rng.random() < 0.55:
            return g, g
        second = rng.choice(t.given_m if gender == "m" else t.given_f)
        return (g, g) if second == g else (f"{g} {second}", g)

    def _minahasa(self, rng: random.Random, t: Tradition, gender: str, g: str) -> tuple[str, str]:
        fam = rng.choice(t.family)
        return f"{g} {fam}", rng.choice((g, g, fam))

    def _aceh(self, rng: random.Random, t: Tradition, gender: str, g: str) -> tuple[str, str]:
        pool = t.given_m if gender == "m" else t.given_f
        second = rng.choice(pool)
        name = g if second == g or rng.random() < 0.4 else f"{g} {second}"
        if rng.random() < 0.35:
            title = TITLES_IN_NAME["aceh"][0 if gender == "m" else 1]
            return f"{title} {name}", f"{title} {g}" if rng.random() < 0.5 else g
        return name, g

    def _sasak(self, rng: random.Random, t: Tradition, gender: str, g: str) -> tuple[str, str]:
        if rng.random() < 0.5:
            title = TITLES_IN_NAME["sasak"][0 if gender == "m" else 1]
            return f"{title} {g}", f"{title} {g}"
        pool = t.given_m if gender == "m" else t.given_f
        second = rng.choice(pool)
        return (g, g) if second == g else (f"{g} {second}", g)

    def _ntt(self, rng: random.Random, t: Tradition, gender: str, g: str) -> tuple[str, str]:
        fam = rng.choice(t.family)
        return f"{g} {fam}", rng.choice((g, fam))

    def _modern(self, rng: random.Random, t: Tradition, gender: str, g: str) -> tuple[str, str]:
        pool = t.given_m if gender == "m" else t.given_f
        second = rng.choice(pool)
        return (g, g) if second == g else (f"{g} {second}", g)
