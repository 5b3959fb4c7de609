"""Short partisan and neutral texts a tiny model can learn from, shared by the model tests."""

PARTISAN = [
    "ayo dukung bapak kita lanjutkan dua periode",
    "satukan pilihan untuk bapak kita menang",
    "dukung terus pilihan kita menang telak",
    "mari menangkan bapak kita dua periode",
    "pilihan kita pasti menang lanjutkan",
    "ayo satukan pilihan menang dua periode",
]
NEUTRAL = [
    "jadwal senam pagi di halaman kantor",
    "rapat koordinasi anggaran dinas besok",
    "pelayanan puskesmas buka hari sabtu",
    "upacara hari kesadaran nasional di kantor",
    "jadwal vaksinasi anak di puskesmas",
    "rapat evaluasi kinerja pegawai dinas",
]
